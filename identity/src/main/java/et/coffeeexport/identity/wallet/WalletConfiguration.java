package et.coffeeexport.identity.wallet;

import et.coffeeexport.connectors.fabric.Ledger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The wallet and its collaborators as the application's beans, and the sweep of disabled users. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(WalletProperties.class)
class WalletConfiguration {
  private static final Logger log = LoggerFactory.getLogger(WalletConfiguration.class);

  /**
   * The wallet, over its table migrated first (its own migrations and history table). The
   * application does not start without its key-encryption key file, nor with another key than the
   * one that sealed the wallet.
   */
  @Bean
  Wallet wallet(DataSource dataSource, WalletProperties p) {
    WalletSchema.migrate(dataSource);
    Wallet wallet = new Wallet(dataSource, KeyEncryptionKey.load(p.kekFile()));
    wallet.verifyKey(p.kekFile());
    return wallet;
  }

  @Bean
  UserDirectory userDirectory(WalletProperties p) {
    return new KeycloakDirectory(
        p.keycloakUrl(), p.realm(), p.clientId(), p.clientSecret(), p.deadline());
  }

  /** Through the application's one {@link Ledger}: no second gateway. */
  @Bean
  LedgerOfficerRegistry officerRegistry(Ledger ledger, WalletProperties p) {
    return new LedgerOfficerRegistry(ledger.userManagement(), p.connections());
  }

  @Bean
  LedgerIdentities ledgerIdentities(
      Wallet wallet, UserDirectory directory, LedgerOfficerRegistry registry, WalletProperties p) {
    return new LedgerIdentities(
        wallet,
        new CertificateAuthorities(p.connections(), p.secrets(), p.deadline()),
        directory,
        registry);
  }

  @Bean
  DisabledUserSweep disabledUserSweep(LedgerIdentities identities) {
    return new DisabledUserSweep(identities);
  }

  /**
   * Catches users disabled while they are not acting, and follows the organisations' groups (new
   * officers registered, leavers deactivated); signing itself checks Keycloak anyway.
   */
  static final class DisabledUserSweep {
    private final LedgerIdentities identities;

    DisabledUserSweep(LedgerIdentities identities) {
      this.identities = identities;
    }

    @Scheduled(fixedDelayString = "${coffee-export.wallet.sweep-interval:PT15S}")
    void sweep() {
      try {
        int revoked = identities.revokeDisabledUsers();
        if (revoked > 0) {
          log.info("revoked the ledger identities of {} disabled user(s)", revoked);
        }
        int changed = identities.reconcileRoster();
        if (changed > 0) {
          log.info(
              "brought {} ledger identit(ies) in line with the organisations' groups", changed);
        }
      } catch (RuntimeException e) {
        log.warn("the sweep of disabled users failed; it runs again shortly: {}", e.getMessage());
      }
    }
  }
}
