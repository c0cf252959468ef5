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

  /**
   * The identity {@code username} signs with, for a ledger write that can wait for the directory's
   * answer until just before ordering: the wallet's identity at once, and the same Keycloak lookup
   * as {@link #forUsername}, running while the peers endorse. {@link Confirming#confirm} waits for
   * it before the transaction is ordered, so nothing reaches the ledger unless Keycloak agrees now;
   * when it does not (disabled, attributes changed, gone), it throws {@link DirectoryChanged} and
   * the caller signs again through {@link #forUsername}, which re-enrols or refuses. Saves the
   * lookup's round trip on every decision.
   */
  public Signing signing(String username) {
    String id =
        directory.idOf(username).orElseThrow(() -> new SigningRefused("unknown user " + username));
    var stored = wallet.find(id);
    if (stored.isEmpty() || !stored.get().active()) {
      return new Signing(forUsername(username), null);
    }
    return new Signing(stored.get(), directory.findAsync(id));
  }

  /**
   * A wallet identity whose holder's directory entry is still being read; {@link #confirm} is the
   * connector's last call before ordering.
   */
  public static final class Signing implements et.coffeeexport.connectors.fabric.Signatory {
    private final StoredIdentity identity;
    private final java.util.concurrent.CompletableFuture<Optional<UserAccount>> lookup;

    private Signing(
        StoredIdentity identity,
        java.util.concurrent.CompletableFuture<Optional<UserAccount>> lookup) {
      this.identity = identity;
      this.lookup = lookup;
    }

    @Override
    public org.hyperledger.fabric.client.identity.Identity identity() {
      return identity.identity();
    }

    @Override
    public org.hyperledger.fabric.client.identity.Signer signer() {
      return identity.signer();
    }

    @Override
    public void confirm() {
      if (lookup == null) {
        return;
      }
      Optional<UserAccount> account;
      try {
        account = lookup.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException("the directory failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      if (account.isEmpty()
          || !account.get().enabled()
          || !Attributes.of(account.get()).matches(identity)) {
        throw new DirectoryChanged(identity.username());
      }
    }

    /** The wallet entry signing, as the ledger will name its holder. */
    public StoredIdentity stored() {
      return identity;
    }
  }

  /**
   * Keycloak no longer agrees with the wallet identity a transaction was endorsed with; it was not
   * ordered. Sign again through {@link #forUsername}.
   */
  public static final class DirectoryChanged extends RuntimeException {
    DirectoryChanged(String username) {
      super("the directory entry of " + username + " changed while signing");
    }
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

  /**
   * Brings the ledger in line with the organisations' groups in Keycloak for people who are not
   * acting now (signing itself checks anyway): a new member of an organisation's group with an
   * officer's or supervisor's role is enrolled and registered as that organisation's officer, with
   * no script and before their first decision; someone who left their organisation's group is
   * enrolled where they are now or, with no signing organisation left, revoked at the CA and
   * deactivated on the ledger. Members who sign nothing (no signing role) are looked at again after
   * {@link #NOT_SIGNING_RECHECK}.
   *
   * @return how many people were enrolled, moved or revoked
   */
  public int reconcileRoster() {
    Map<String, Wallet.Holder> holders = wallet.holders();
    Map<String, String> organisationOf = new java.util.HashMap<>();
    for (var organisation : et.coffeeexport.domain.Organisation.values()) {
      for (String member : directory.membersOf(organisation.realmGroup())) {
        organisationOf.put(member, organisation.networkName());
      }
    }
    int changed = 0;
    java.time.Instant now = java.time.Instant.now();
    for (String member : organisationOf.keySet()) {
      var refused = notSigning.get(member);
      if (holders.containsKey(member) || (refused != null && refused.isAfter(now))) {
        continue;
      }
      try {
        forUser(member);
        changed++;
      } catch (SigningRefused e) {
        notSigning.put(member, now.plus(NOT_SIGNING_RECHECK));
      }
    }
    for (var held : holders.entrySet()) {
      Wallet.Holder holder = held.getValue();
      String userId = held.getKey();
      if (!holder.active()
          || "exporter".equals(holder.role())
          || holder.org().equals(organisationOf.get(userId))) {
        continue;
      }
      if (directory.find(userId).isEmpty()) {
        revoke(userId, "deleted in Keycloak");
      } else {
        try {
          forUser(userId);
        } catch (SigningRefused e) {
          // Revoked by the check itself: no organisation or role that signs is left.
        }
      }
      changed++;
    }
    return changed;
  }

  /** How long a group member without a signing role is left alone by {@link #reconcileRoster}. */
  static final java.time.Duration NOT_SIGNING_RECHECK = java.time.Duration.ofMinutes(10);

  private final Map<String, java.time.Instant> notSigning =
      new java.util.concurrent.ConcurrentHashMap<>();

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
