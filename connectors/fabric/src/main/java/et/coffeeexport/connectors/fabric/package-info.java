/**
 * The platform's way to the ledger: connection profiles written by the network scripts, enrolled
 * credentials, and mutually authenticated gateway connections to each organisation's own peer.
 */
package et.coffeeexport.connectors.fabric;
