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
 * @param submitBudget how long one ledger step may wait for the ledger, retries included: short,
 *     because a step runs in a job the engine retries (and then raises an incident), and a job
 *     holds a job-executor thread and a database connection while it waits
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
    Duration cacheTtl,
    Duration submitBudget) {}
