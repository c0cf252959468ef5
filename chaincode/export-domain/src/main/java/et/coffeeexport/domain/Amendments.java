package et.coffeeexport.domain;

import static et.coffeeexport.domain.Amendments.Field.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What an amendment may change. A reviewing stage that returns an export may ask for changes only
 * to what it decides on, and no approval survives a change to what it approved: an amendment that
 * touches anything an earlier stage decided on is refused (the exporter cancels and files anew, so
 * that every stage sees the new contract). Everything else the exporter resubmits unchanged, with
 * new documents.
 */
public final class Amendments {
  private Amendments() {}

  /** The parts of a filing that stages decide on. */
  public enum Field {
    QUANTITY(ExportRequest::quantityKg),
    CONTRACT_NUMBER(ExportRequest::contractNumber),
    CONTRACT_SIGNED_AT(ExportRequest::contractSignedAt),
    CONTRACT_DATE(ExportRequest::contractDate),
    DESTINATION(ExportRequest::destinationCountry),
    GRADE(ExportRequest::grade),
    ORIGIN(ExportRequest::origin),
    PROCESS(ExportRequest::process),
    INCOTERM(ExportRequest::incoterm),
    /** The private terms: price, buyer, payment arrangement. */
    TERMS(r -> null);

    private final Function<ExportRequest, Object> value;

    Field(Function<ExportRequest, Object> value) {
      this.value = value;
    }
  }

  /** What each reviewing stage decides on (DOMAIN.md, the stages). */
  private static final Map<Stage, Set<Field>> DECIDED_ON = new EnumMap<>(Stage.class);

  static {
    // Payment arrangement and financing: the contract's value and who pays how.
    DECIDED_ON.put(Stage.BANK_INTAKE, EnumSet.of(TERMS, QUANTITY, CONTRACT_NUMBER));
    // Contract registration and the minimum price: the whole contract.
    DECIDED_ON.put(Stage.COMPLIANCE, EnumSet.allOf(Field.class));
    // The lot: what coffee, how much.
    DECIDED_ON.put(Stage.QUALITY, EnumSet.of(GRADE, ORIGIN, PROCESS, QUANTITY));
    // Payment mode, price floor with the certified grade, the value for four eyes.
    DECIDED_ON.put(Stage.FOREIGN_EXCHANGE, EnumSet.of(TERMS, QUANTITY, GRADE));
    // The declaration: what leaves, for where, on what terms of delivery.
    DECIDED_ON.put(Stage.CUSTOMS, EnumSet.of(DESTINATION, QUANTITY, INCOTERM));
  }

  /** What {@code stage} decides on. */
  public static Set<Field> decidedOnBy(Stage stage) {
    return EnumSet.copyOf(DECIDED_ON.getOrDefault(stage, EnumSet.noneOf(Field.class)));
  }

  /**
   * What an export returned by {@code stage} may change: what that stage decides on and no stage
   * before it has approved.
   */
  public static Set<Field> changeableWhenReturnedBy(Stage stage) {
    Set<Field> changeable = decidedOnBy(stage);
    for (Stage earlier : Stage.values()) {
      if (earlier.ordinal() < stage.ordinal()) {
        changeable.removeAll(decidedOnBy(earlier));
      }
    }
    return changeable;
  }

  /** The fields that differ between two versions of a filing. */
  public static Set<Field> changed(
      ExportRequest before, ExportRequest after, boolean termsChanged) {
    Set<Field> changed = EnumSet.noneOf(Field.class);
    for (Field field : Field.values()) {
      if (field != TERMS && !Objects.equals(field.value.apply(before), field.value.apply(after))) {
        changed.add(field);
      }
    }
    if (termsChanged) {
      changed.add(TERMS);
    }
    return changed;
  }

  /**
   * Why an amendment of an export returned by {@code stage} may not be recorded; empty if it may.
   */
  public static List<String> violations(
      Stage stage, ExportRequest before, ExportRequest after, boolean termsChanged) {
    Set<Field> refused = changed(before, after, termsChanged);
    refused.removeAll(changeableWhenReturnedBy(stage));
    return refused.isEmpty()
        ? List.of()
        : List.of(
            "returned by "
                + stage
                + ", the amendment may change only "
                + changeableWhenReturnedBy(stage)
                + ", not "
                + refused
                + ": an earlier stage approved them; cancel and file again");
  }
}
