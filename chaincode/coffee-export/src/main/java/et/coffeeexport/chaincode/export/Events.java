package et.coffeeexport.chaincode.export;

import et.coffeeexport.domain.EventName;
import et.coffeeexport.domain.ExportAction;

/**
 * The stable names of the chaincode events: one event per transaction, named in the past tense.
 * They are spelled once, in the domain's {@link EventName}, which the read model dispatches on.
 */
final class Events {
  static final String DOCUMENT_ANCHORED = EventName.DOCUMENT_ANCHORED.text();
  static final String RULE_SET_PUBLISHED = EventName.RULE_SET_PUBLISHED.text();
  static final String RULE_SET_PROPOSED = EventName.RULE_SET_PROPOSED.text();
  static final String RULE_SET_COSIGNED = EventName.RULE_SET_COSIGNED.text();
  static final String RULE_SET_PROPOSAL_WITHDRAWN = EventName.RULE_SET_PROPOSAL_WITHDRAWN.text();
  static final String PRICE_FLOOR_PROPOSED = EventName.PRICE_FLOOR_PROPOSED.text();
  static final String PRICE_FLOOR_COSIGNED = EventName.PRICE_FLOOR_COSIGNED.text();

  private Events() {}

  static String of(ExportAction action) {
    return EventName.of(action).text();
  }
}
