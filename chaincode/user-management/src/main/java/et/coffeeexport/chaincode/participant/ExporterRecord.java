package et.coffeeexport.chaincode.participant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An exporter in the participant registry. No credentials of any kind: authentication is Keycloak's. */
record ExporterRecord(String exporterId, String status, ObjectNode profile, String registeredAt) {}
