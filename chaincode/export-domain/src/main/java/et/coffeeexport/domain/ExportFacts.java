package et.coffeeexport.domain;

/** Names of the facts the stages record on an export, shared by the chaincode and its readers. */
public final class ExportFacts {
  public static final String CONTRACT_REGISTRATION_NUMBER = "contractRegistrationNumber";
  public static final String REGISTERED_AT = "registeredAt";
  public static final String SHIPMENT_DUE = "shipmentDue";
  public static final String GRADE = "grade";
  public static final String QUALITY_CERTIFICATE_NUMBER = "qualityCertificateNumber";
  public static final String EXPORT_PERMIT_NUMBER = "exportPermitNumber";
  public static final String FX_RECOMMENDED_BY = "fxRecommendedBy";
  public static final String CUSTOMS_DECLARATION_NUMBER = "customsDeclarationNumber";
  public static final String RELEASE_NOTE_NUMBER = "releaseNoteNumber";
  public static final String BOOKING_NUMBER = "bookingNumber";
  public static final String BILL_OF_LADING_NUMBER = "billOfLadingNumber";
  public static final String BILL_OF_LADING_DATE = "billOfLadingDate";
  public static final String SHIPPED_LATE = "shippedLate";
  public static final String REPATRIATION_DUE = "repatriationDue";
  public static final String REPATRIATION_OVERDUE = "repatriationOverdue";

  private ExportFacts() {}
}
