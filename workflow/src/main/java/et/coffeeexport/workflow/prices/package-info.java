/**
 * The daily minimum export prices ({@code DailyPriceFloors}): an ECTA officer proposes the day's
 * floors, a National Bank supervisor co-signs them or sends them back, and each step writes to the
 * ledger signed by the person who completed the task before it (the marks {@code Decisions} leaves
 * for every ledger step). The ledger's entries are the only minimum prices the workflow applies
 * ({@link et.coffeeexport.workflow.prices.MinimumPrices}): a floor not co-signed yet is never in
 * force, and what waits for it says so.
 */
package et.coffeeexport.workflow.prices;
