/**
 * What every contract of the consortium shares: canonical JSON, so that endorsements from different
 * peers produce identical write sets, and chaincode errors that carry a stable code.
 */
package et.coffeeexport.chaincode.support;
