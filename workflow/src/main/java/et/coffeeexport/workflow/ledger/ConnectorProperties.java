package et.coffeeexport.workflow.ledger;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the connectors reach their real components: the network's connection profiles, the kubo
 * node, Redis; and the keys they keep outside those components.
 *
 * @param listenerOrg the organisation whose peer the read model's event listener follows
 */
@ConfigurationProperties("coffee-export.connectors")
record ConnectorProperties(
    Path connections,
    String listenerOrg,
    boolean listen,
    URI ipfsApi,
    Path documentKeyFile,
    long maxDocumentBytes,
    String redisHost,
    int redisPort,
    Path redisPasswordFile,
    Duration cacheTtl) {}
