/**
 * ECTA's buyer blacklist ({@code BuyerBlacklist}): an ECTA officer enters a buyer or takes one off,
 * with the reasons; {@code blacklistStep} writes it to the participant registry signed by them. The
 * coffee-export chaincode refuses filings, changed terms and FX approvals for a blacklisted buyer.
 */
package et.coffeeexport.workflow.blacklist;
