package et.coffeeexport.identity.wallet;

import et.coffeeexport.domain.Role;
import et.coffeeexport.identity.enrolment.Enrolment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Fabric identity every user signs with. On a user's first ledger action it registers and
 * enrols them at their organisation's CA (attributes {@code role}, {@code uid} and, for exporters,
 * {@code exporterId}), seals the key in the wallet and registers officers on the ledger. A user
 * Keycloak reports disabled is revoked at the CA and on the ledger, and never signs again.
 */
public final class LedgerIdentities {
  private static final Logger log = LoggerFactory.getLogger(LedgerIdentities.class);
  private static final Set<String> SIGNING_ROLES = Set.of("officer", "supervisor", "exporter");

  private final Wallet wallet;
  private final CertificateAuthorities cas;
  private final UserDirectory directory;
  private final OfficerRegistry registry;

  public LedgerIdentities(
      Wallet wallet,
      CertificateAuthorities cas,
      UserDirectory directory,
      OfficerRegistry registry) {
    this.wallet = wallet;
    this.cas = cas;
    this.directory = directory;
    this.registry = registry;
  }

  /**
   * The identity {@code userId} signs with now, enrolled on first use. The directory is asked once,
   * every time: whether the user is enabled, and their organisation, role and exporter id, which
   * must be those the certificate carries; when Keycloak changed them, the user is enrolled anew
   * with the new attributes and the old certificate is revoked ({@link #reenrol}).
   *
   * @throws SigningRefused when the user is unknown, disabled, revoked, or has no signing role
   */
  public StoredIdentity forUser(String userId) {
    return forAccount(
        userId,
        directory.find(userId).orElseThrow(() -> new SigningRefused("unknown user " + userId)));
  }

  private StoredIdentity forAccount(String userId, UserAccount account) {
    if (!account.enabled()) {
      revoke(userId, "disabled in Keycloak");
      throw new SigningRefused("user " + userId + " is disabled");
    }
    StoredIdentity identity = wallet.find(userId).orElse(null);
    if (identity == null) {
      identity = inLock(userId, c -> enrolOnce(c, account));
    }
    if (!identity.active()) {
      throw new SigningRefused("the ledger identity of " + identity.username() + " is revoked");
    }
    if (!Attributes.of(account).matches(identity)) {
      identity = inLock(userId, c -> reenrol(c, account));
      if (!identity.active()) {
        throw new SigningRefused(
            account.username()
                + " has no role or organisation that signs on the ledger now ("
                + account.role()
                + ", "
                + account.group()
                + "): their ledger identity is revoked");
      }
    }
    return identity;
  }

  /** The identity of the user Camunda knows as {@code username}. */
  public StoredIdentity forUsername(String username) {
    String id =
        directory.idOf(username).orElseThrow(() -> new SigningRefused("unknown user " + username));
    var account = directory.find(id);
    if (account.isEmpty()) {
      // The remembered id is gone (the username was deleted, maybe made anew): look it up again.
      directory.forget(username);
      id =
          directory
              .idOf(username)
              .orElseThrow(() -> new SigningRefused("unknown user " + username));
      account = directory.find(id);
    }
    String userId = id;
    return forAccount(
        userId, account.orElseThrow(() -> new SigningRefused("unknown user " + username)));
  }

  private StoredIdentity enrolOnce(Connection c, UserAccount account) throws SQLException {
    var existing = wallet.find(c, account.userId());
    if (existing.isPresent()) {
      return existing.get();
    }
    StoredIdentity identity = enrol(account, enrollmentId(account));
    wallet.insert(c, identity);
    log.info(
        "enrolled {} at {} as {}", account.username(), identity.org(), identity.enrollmentId());
    return identity;
  }

  /**
   * Registers and enrols {@code account} at its organisation's CA with its attributes now, and
   * registers officers on the ledger (before the wallet commits: an officer the registry does not
   * know cannot act).
   */
  private StoredIdentity enrol(UserAccount account, String enrollmentId) {
    Attributes attributes = Attributes.of(account);
    if (!SIGNING_ROLES.contains(account.role())) {
      throw new SigningRefused(
          account.username() + " has no role that signs on the ledger (" + account.role() + ")");
    }
    String org =
        attributes.org.orElseThrow(
            () -> new SigningRefused(account.username() + " belongs to no organisation"));
    var ca = cas.of(org);
    String secret = ca.client.register(ca.registrar(), enrollmentId, attributes.forCertificate());
    Enrolment enrolment = ca.client.enroll(enrollmentId, secret);
    var identity =
        new StoredIdentity(
            account.userId(),
            account.username(),
            org,
            ca.mspId,
            enrollmentId,
            account.role(),
            enrolment.certificatePem(),
            enrolment.privateKey(),
            true);
    if (!"exporter".equals(account.role())) {
      registry.registerOfficer(org, enrollmentId, account.role(), account.userId());
    }
    return identity;
  }

  /**
   * Keycloak changed the user's organisation, role or exporter id since their certificate was
   * issued: a new identity with the attributes of now (a new enrollment id, since the CA never
   * enrols a revoked one again) takes the wallet entry's place, then the old certificate is revoked
   * at its CA and the old officer deactivated on the ledger. A user whose new role or group signs
   * nothing is only revoked (the entry returned is then inactive). One transaction: on a failure
   * the old entry stays and the next signing retries.
   */
  private StoredIdentity reenrol(Connection c, UserAccount account) throws SQLException {
    StoredIdentity old =
        wallet
            .find(c, account.userId())
            .orElseThrow(() -> new SigningRefused("no ledger identity of " + account.username()));
    Attributes now = Attributes.of(account);
    if (!old.active() || now.matches(old)) {
      return old; // another instance did it meanwhile, or revoked it
    }
    StoredIdentity fresh = null;
    if (SIGNING_ROLES.contains(account.role()) && now.org.isPresent()) {
      fresh = enrol(account, reenrollmentId(account));
      wallet.replace(c, fresh);
    } else {
      wallet.deactivate(c, account.userId());
    }
    var oldCa = cas.of(old.org());
    oldCa.client.revoke(oldCa.registrar(), old.enrollmentId(), "attributes changed in Keycloak");
    if (old.ledgerRole() != Role.EXPORTER) {
      registry.deactivateOfficer(old.org(), old.enrollmentId());
    }
    if (fresh == null) {
      log.info("revoked the ledger identity of {} ({}): no signing role now", old.username(), old);
      return wallet.find(c, account.userId()).orElseThrow();
    }
    log.info(
        "re-enrolled {}: {} replaces {}, whose certificate is revoked", old.username(), fresh, old);
    return fresh;
  }

  /**
   * What the certificate must say about a user, from the directory: organisation (whose CA issues
   * it), role, Keycloak id and exporter id.
   */
  record Attributes(Optional<String> org, String role, String uid, Optional<String> exporterId) {
    static Attributes of(UserAccount account) {
      return new Attributes(
          Organisations.networkOrgOf(account.group()),
          account.role(),
          account.userId(),
          account.exporterId());
    }

    /** The attributes the CA writes into the certificate. */
    Map<String, String> forCertificate() {
      Map<String, String> attributes = new LinkedHashMap<>();
      attributes.put("role", role);
      attributes.put("uid", uid);
      exporterId.ifPresent(id -> attributes.put("exporterId", id));
      return attributes;
    }

    /** Whether {@code identity}'s organisation and certificate agree with these. */
    boolean matches(StoredIdentity identity) {
      if (org.isEmpty() || !org.get().equals(identity.org())) {
        return false;
      }
      Map<String, String> carried = identity.certificateAttributes();
      return role.equals(carried.get("role"))
          && uid.equals(carried.get("uid"))
          && Objects.equals(exporterId.orElse(null), carried.get("exporterId"));
    }
  }

  /**
   * Stops {@code userId} from signing: revokes the certificate at the CA, deactivates the officer
   * on the ledger, then marks the wallet entry. Safe to repeat; a failure leaves the entry active
   * so the next attempt retries every step.
   */
  public void revoke(String userId, String reason) {
    inLock(
        userId,
        c -> {
          var identity = wallet.find(c, userId);
          if (identity.isEmpty() || !identity.get().active()) {
            return null;
          }
          StoredIdentity id = identity.get();
          var ca = cas.of(id.org());
          ca.client.revoke(ca.registrar(), id.enrollmentId(), reason);
          if (id.ledgerRole() != Role.EXPORTER) {
            registry.deactivateOfficer(id.org(), id.enrollmentId());
          }
          wallet.deactivate(c, userId);
          log.info("revoked the ledger identity of {} ({}): {}", id.username(), id, reason);
          return null;
        });
  }

  /** Revokes everyone Keycloak reports disabled who still holds an active identity. */
  public int revokeDisabledUsers() {
    int revoked = 0;
    for (String userId : directory.disabledUserIds()) {
      var identity = wallet.find(userId);
      if (identity.isPresent() && identity.get().active()) {
        revoke(userId, "disabled in Keycloak");
        revoked++;
      }
    }
    return revoked;
  }

  /** Readable in the ledger's trail, unique even when a username is reused after deletion. */
  static String enrollmentId(UserAccount account) {
    return account.username() + "-" + account.userId().replace("-", "").substring(0, 8);
  }

  /** A later enrolment's id: the first one's, made unique by the time (the CA keeps old ids). */
  static String reenrollmentId(UserAccount account) {
    return enrollmentId(account) + "-" + Long.toString(System.currentTimeMillis(), 36);
  }

  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Serialises work on one user's identity across every instance of the application. */
  private <T> T inLock(String userId, Work<T> work) {
    try (Connection c = wallet.connection()) {
      c.setAutoCommit(false);
      try (PreparedStatement lock =
          c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
        lock.setString(1, "wallet:" + userId);
        lock.execute();
        T result = work.run(c);
        c.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("the wallet database failed", e);
    }
  }
}
