package et.coffeeexport.workflow.ledger;

import et.coffeeexport.connectors.cache.CachedLedgerReads;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.OrganisationProfile;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.readmodel.ExportEventListener;
import et.coffeeexport.connectors.readmodel.ReadModel;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs the read model's chaincode event listener inside the application, and evicts an export from
 * the cache when an event says it changed.
 */
@Component
class ReadModelFollower implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ReadModelFollower.class);
  private final ConnectorProperties properties;
  private final ReadModel readModel;
  private final CachedLedgerReads reads;
  private ExportEventListener listener;

  private final CoffeeExportChaincode ledger;

  ReadModelFollower(
      ConnectorProperties properties,
      ReadModel readModel,
      CachedLedgerReads reads,
      CoffeeExportChaincode ledger) {
    this.properties = properties;
    this.ledger = ledger;
    this.readModel = readModel;
    this.reads = reads;
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    var profileFile = properties.connections().resolve(properties.listenerOrg() + ".properties");
    if (!properties.listen() || !Files.exists(profileFile)) {
      log.warn("the read model does not follow the ledger: no connection profile {}", profileFile);
      return;
    }
    OrganisationProfile profile =
        OrganisationProfile.load(properties.connections(), properties.listenerOrg());
    listener =
        new ExportEventListener(
            "read-model", readModel, ledger, Signatory.of(profile.credentials("platform")));
    listener.subscribe(
        event -> {
          event.exportId().ifPresent(reads::changed);
        });
    Thread thread = new Thread(listener, "read-model-listener");
    thread.setDaemon(true);
    thread.start();
    log.info("the read model follows {}'s peers from its checkpoint", properties.listenerOrg());
  }

  @Override
  public void close() {
    if (listener != null) {
      listener.close();
    }
  }
}
