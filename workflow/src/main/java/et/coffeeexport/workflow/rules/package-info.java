/**
 * The rule sets, the one source of the rules that change with directives (deadlines, grades,
 * documents, thresholds). A change is a process ({@code RuleSetChange}): an ECTA officer starts it
 * from Tasklist with typed fields (each rule, its new value, the day it takes effect, the
 * directive), the proposal goes to the ledger signed by them, a National Bank supervisor co-signs
 * exactly that proposal or sends it back with reasons ({@link
 * et.coffeeexport.workflow.rules.RuleSetStep}). The workflow's decision tables read the rule set's
 * values ({@link et.coffeeexport.workflow.rules.RuleSets}) of the version an export was filed
 * under, never figures of their own.
 */
package et.coffeeexport.workflow.rules;
