package et.coffeeexport.identity.wallet;

import et.coffeeexport.domain.Role;
import et.coffeeexport.identity.enrolment.Enrolment;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
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
   * The identity {@code userId} signs with now, enrolled on first use.
   *
   * @throws SigningRefused when the user is unknown, disabled, revoked, or has no signing role
   */
  public StoredIdentity forUser(String userId) {
    return forUser(userId, directory.enabled(userId));
  }

  /** Whether the user is enabled is asked every time, and alone: the one lookup when signing. */
  private StoredIdentity forUser(String userId, java.util.Optional<Boolean> isEnabled) {
    boolean enabled = isEnabled.orElseThrow(() -> new SigningRefused("unknown user " + userId));
    if (!enabled) {
      revoke(userId, "disabled in Keycloak");
      throw new SigningRefused("user " + userId + " is disabled");
    }
    StoredIdentity identity = wallet.find(userId).orElse(null);
    if (identity == null) {
      UserAccount account =
          directory.find(userId).orElseThrow(() -> new SigningRefused("unknown user " + userId));
      identity = inLock(userId, c -> enrolOnce(c, account));
    }
    if (!identity.active()) {
      throw new SigningRefused("the ledger identity of " + identity.username() + " is revoked");
    }
    return identity;
  }

  /** The identity of the user Camunda knows as {@code username}. */
  public StoredIdentity forUsername(String username) {
    String id =
        directory.idOf(username).orElseThrow(() -> new SigningRefused("unknown user " + username));
    var enabled = directory.enabled(id);
    if (enabled.isEmpty()) {
      // The remembered id is gone (the username was deleted, maybe made anew): look it up again.
      directory.forget(username);
      id =
          directory
              .idOf(username)
              .orElseThrow(() -> new SigningRefused("unknown user " + username));
      enabled = directory.enabled(id);
    }
    return forUser(id, enabled);
  }

  private StoredIdentity enrolOnce(Connection c, UserAccount account) throws SQLException {
    var existing = wallet.find(c, account.userId());
    if (existing.isPresent()) {
      return existing.get();
    }
    if (!SIGNING_ROLES.contains(account.role())) {
      throw new SigningRefused(
          account.username() + " has no role that signs on the ledger (" + account.role() + ")");
    }
    String org =
        Organisations.networkOrgOf(account.group())
            .orElseThrow(
                () -> new SigningRefused(account.username() + " belongs to no organisation"));
    var ca = cas.of(org);
    String enrollmentId = enrollmentId(account);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("role", account.role());
    attributes.put("uid", account.userId());
    account.exporterId().ifPresent(id -> attributes.put("exporterId", id));
    String secret = ca.client.register(ca.registrar(), enrollmentId, attributes);
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
    // On the ledger before the wallet commits: an officer the registry does not know cannot act.
    if (!"exporter".equals(account.role())) {
      registry.registerOfficer(org, enrollmentId, account.role(), account.userId());
    }
    wallet.insert(c, identity);
    log.info("enrolled {} at {} as {}", account.username(), org, enrollmentId);
    return identity;
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
