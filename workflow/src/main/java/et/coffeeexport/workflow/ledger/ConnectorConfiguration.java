package et.coffeeexport.workflow.ledger;

import et.coffeeexport.connectors.cache.CachedLedgerReads;
import et.coffeeexport.connectors.cache.IdempotencyKeys;
import et.coffeeexport.connectors.cache.RedisCache;
import et.coffeeexport.connectors.documents.DocumentRules;
import et.coffeeexport.connectors.documents.DocumentSealing;
import et.coffeeexport.connectors.documents.DocumentStore;
import et.coffeeexport.connectors.documents.IpfsDocumentStore;
import et.coffeeexport.connectors.documents.KuboClient;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Ledger;
import et.coffeeexport.connectors.fabric.LedgerSettings;
import et.coffeeexport.connectors.fabric.OrganisationProfile;
import et.coffeeexport.connectors.fabric.UserManagementChaincode;
import et.coffeeexport.connectors.readmodel.ExportFigures;
import et.coffeeexport.connectors.readmodel.ReadModel;
import et.coffeeexport.connectors.readmodel.ReadModelSchema;
import et.coffeeexport.identity.wallet.SealingKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** The connectors as the application's beans: the only way the workflow reaches its components. */
@Configuration
@EnableConfigurationProperties(ConnectorProperties.class)
class ConnectorConfiguration {

  @Bean(destroyMethod = "close")
  Ledger ledger(ConnectorProperties p) {
    // Profiles are read when an organisation is first used: the application starts without them.
    return Ledger.connect(
        org -> OrganisationProfile.load(p.connections(), org),
        org -> OrganisationProfile.load(p.connections(), org).credentials("platform"),
        LedgerSettings.DEFAULT.withSubmitBudget(p.submitBudget()));
  }

  @Bean
  CoffeeExportChaincode coffeeExport(Ledger ledger) {
    return ledger.coffeeExport();
  }

  @Bean
  UserManagementChaincode userManagement(Ledger ledger) {
    return ledger.userManagement();
  }

  /** The read model, over its tables migrated first (its own migrations and history table). */
  @Bean
  ReadModel readModel(DataSource dataSource) {
    ReadModelSchema.migrate(dataSource);
    return new ReadModel(dataSource);
  }

  @Bean
  ExportFigures exportFigures(ReadModel readModel) {
    return new ExportFigures(readModel);
  }

  /**
   * Documents in IPFS, sealed under the platform's document key: the application does not start
   * without its key file, nor with another key than the one recorded at first use ({@link
   * SealingKeys}, whose table the wallet's migrations make).
   */
  @Bean
  @DependsOn("wallet")
  DocumentStore documentStore(
      ConnectorProperties p, CoffeeExportChaincode ledger, DataSource dataSource) {
    DocumentSealing sealing = DocumentSealing.withKeyFile(p.documentKeyFile());
    SealingKeys.verify(dataSource, "documents-key", sealing.keyId(), p.documentKeyFile());
    return new IpfsDocumentStore(
        new KuboClient(p.ipfsApi(), Duration.ofSeconds(30)),
        sealing,
        new DocumentRules(p.maxDocumentBytes()),
        ledger);
  }

  @Bean(destroyMethod = "close")
  JedisPooled redis(ConnectorProperties p) throws IOException {
    var config =
        DefaultJedisClientConfig.builder()
            .password(Files.readString(p.redisPasswordFile()).trim())
            .timeoutMillis(500)
            .build();
    return new JedisPooled(new HostAndPort(p.redisHost(), p.redisPort()), config);
  }

  @Bean
  CachedLedgerReads cachedLedgerReads(
      CoffeeExportChaincode ledger, JedisPooled redis, ConnectorProperties p) {
    return new CachedLedgerReads(ledger, new RedisCache(redis, "exports"), p.cacheTtl());
  }

  @Bean
  IdempotencyKeys idempotencyKeys(JedisPooled redis) {
    return new IdempotencyKeys(redis, Duration.ofHours(24));
  }
}
