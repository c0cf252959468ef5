package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.RefusalCode;
import java.math.BigDecimal;
import java.util.List;

/** The JSON arguments of the lifecycle transactions, each with its own check. */
final class Inputs {
  private Inputs() {}

  static String required(String value, String name, int maxLength) {
    if (value == null || value.isBlank() || value.length() > maxLength) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT, name + " must be 1-" + maxLength + " characters");
    }
    return value;
  }

  static String date(String value, String name) {
    try {
      return java.time.LocalDate.parse(required(value, name, 10)).toString();
    } catch (java.time.format.DateTimeParseException e) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, name + " must be an ISO-8601 date");
    }
  }

  /** A rule set version as a transaction argument: a positive number of at most six digits. */
  static int version(String value) {
    if (value == null || !value.matches("[1-9][0-9]{0,5}")) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, "version must be 1-999999");
    }
    return Integer.parseInt(value);
  }

  /** Reasons for a decision; {@code required} for returns, rejections and cancellations. */
  record Notes(List<String> reasons, List<String> decisionTables) {
    List<String> checked(boolean requiredReasons) {
      List<String> list = reasons == null ? List.of() : reasons;
      if (requiredReasons && list.isEmpty()) {
        throw ContractError.of(
            RefusalCode.INVALID_ARGUMENT, "reasons must name at least one reason");
      }
      if (list.size() > 20
          || list.stream().anyMatch(r -> r == null || r.isBlank() || r.length() > 500)) {
        throw ContractError.of(
            RefusalCode.INVALID_ARGUMENT, "reasons must be at most 20 texts of 1-500 characters");
      }
      return List.copyOf(list);
    }
  }

  /**
   * The workflow's decision tables a decision applied, each {@code key:vN} (the DMN's key and
   * deployed version), recorded with the decision next to the rule set.
   */
  static List<String> decisionTables(List<String> refs) {
    List<String> list = refs == null ? List.of() : refs;
    if (list.size() > 10
        || list.stream().anyMatch(r -> r == null || !r.matches("[a-z0-9-]{1,40}:v[0-9]{1,6}"))) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "decisionTables must be at most 10 references of the form key:vN");
    }
    return List.copyOf(list);
  }

  /**
   * ECTA's extension of the shipment deadline: the new last day of shipment and why (reasons are
   * required: the trail must say why a directive's deadline moved).
   */
  record Extension(String newShipmentDate, List<String> reasons) {
    Extension checked() {
      return new Extension(
          date(newShipmentDate, "newShipmentDate"), new Notes(reasons, null).checked(true));
    }
  }

  /** ECX's laboratory results for a lot. */
  record QualityReport(
      String lotReference,
      int physicalScore,
      int cupScore,
      BigDecimal moisturePercent,
      int defectsPer300g,
      int screenSize,
      List<String> decisionTables) {
    QualityReport checked() {
      required(lotReference, "lotReference", 64);
      if (moisturePercent == null
          || moisturePercent.signum() < 0
          || moisturePercent.compareTo(BigDecimal.valueOf(30)) > 0
          || defectsPer300g < 0
          || defectsPer300g > 300
          || screenSize < 8
          || screenSize > 20) {
        throw ContractError.of(
            RefusalCode.INVALID_ARGUMENT, "moisture 0-30 %, defects 0-300 per 300 g, screen 8-20");
      }
      return this;
    }
  }

  record CustomsDeclaration(String permitNumber, String declarationNumber) {
    CustomsDeclaration checked() {
      required(permitNumber, "permitNumber", 64);
      required(declarationNumber, "declarationNumber", 64);
      return this;
    }
  }

  record Booking(String bookingNumber, String vessel, List<String> containers) {
    Booking checked() {
      required(bookingNumber, "bookingNumber", 64);
      required(vessel, "vessel", 100);
      if (containers == null || containers.isEmpty() || containers.size() > 200) {
        throw ContractError.of(
            RefusalCode.INVALID_ARGUMENT, "containers must list 1-200 container numbers");
      }
      containers.forEach(c -> required(c, "container number", 20));
      return this;
    }
  }

  record BillOfLading(String billOfLadingNumber, String billOfLadingDate) {
    BillOfLading checked() {
      required(billOfLadingNumber, "billOfLadingNumber", 64);
      date(billOfLadingDate, "billOfLadingDate");
      return this;
    }
  }

  record Milestone(String event, String location, String at) {
    Milestone checked() {
      required(event, "event", 64);
      required(location, "location", 100);
      required(at, "at", 40);
      return this;
    }
  }

  record Arrival(String port, String arrivedOn) {
    Arrival checked() {
      required(port, "port", 100);
      date(arrivedOn, "arrivedOn");
      return this;
    }
  }

  /** What the bank states publicly about repatriated proceeds; the amount is private. */
  record Repatriation(String reference, String receivedOn) {
    Repatriation checked() {
      required(reference, "reference", 64);
      date(receivedOn, "receivedOn");
      return this;
    }
  }

  /** The repatriated amount, passed as transient data into the private collection. */
  record RepatriatedAmount(BigDecimal amountUsd) {
    RepatriatedAmount checked() {
      if (amountUsd == null || amountUsd.signum() <= 0 || amountUsd.scale() > 2) {
        throw ContractError.of(
            RefusalCode.INVALID_ARGUMENT, "amountUsd must be a positive amount in cents at most");
      }
      return this;
    }
  }
}
