package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.ExportTerms;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.RuleSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * The commercial terms in the private collection of Commercial Bank, National Bank and ECTA. They
 * travel as transient data (never in the transaction's arguments, which every organisation sees);
 * the public record keeps the SHA-256 of their canonical bytes.
 */
final class PrivateTerms {
  static final String TRANSIENT_KEY = "terms";
  static final String REPATRIATION_TRANSIENT_KEY = "repatriation";

  /** The members of the collection (network/config/collections/coffee-export.json). */
  static final Set<Organisation> HOLDERS =
      EnumSet.of(Organisation.COMMERCIAL_BANK, Organisation.NATIONAL_BANK, Organisation.ECTA);

  private final ChaincodeStub stub;

  PrivateTerms(ChaincodeStub stub) {
    this.stub = stub;
  }

  /**
   * The terms passed as transient data, validated; {@code null} when none were passed and none are
   * required.
   */
  ExportTerms fromTransient(RuleSet rules, boolean required) {
    byte[] bytes = stub.getTransient() == null ? null : stub.getTransient().get(TRANSIENT_KEY);
    if (bytes == null) {
      if (required) {
        throw ContractError.of(
            RefusalCode.INVALID_ARGUMENT,
            "the terms must be passed as transient data '" + TRANSIENT_KEY + "'");
      }
      return null;
    }
    ExportTerms terms =
        CanonicalJson.parse(new String(bytes, StandardCharsets.UTF_8), ExportTerms.class, "terms");
    var violations = terms.violations(rules);
    if (!violations.isEmpty()) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, String.join("; ", violations));
    }
    return terms;
  }

  /** Stores the terms privately; returns the hash the public record keeps. */
  String store(String exportId, ExportTerms terms) {
    byte[] bytes = CanonicalJson.toBytes(terms);
    stub.putPrivateData(Keys.TERMS_COLLECTION, exportId, bytes);
    return sha256(bytes);
  }

  /** Reads the terms; only peers of the collection's members hold them. */
  ExportTerms read(String exportId) {
    byte[] bytes = stub.getPrivateData(Keys.TERMS_COLLECTION, exportId);
    if (bytes == null || bytes.length == 0) {
      throw ContractError.of(
          RefusalCode.NOT_FOUND, "no terms of export " + exportId + " on this peer");
    }
    return CanonicalJson.fromBytes(bytes, ExportTerms.class);
  }

  /** The repatriated amount passed as transient data; required. */
  Inputs.RepatriatedAmount repatriatedAmount() {
    byte[] bytes =
        stub.getTransient() == null ? null : stub.getTransient().get(REPATRIATION_TRANSIENT_KEY);
    if (bytes == null) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "the repatriated amount must be passed as transient data '"
              + REPATRIATION_TRANSIENT_KEY
              + "'");
    }
    return CanonicalJson.parse(
            new String(bytes, StandardCharsets.UTF_8), Inputs.RepatriatedAmount.class, "amount")
        .checked();
  }

  void storeRepatriation(String exportId, Inputs.RepatriatedAmount amount) {
    stub.putPrivateData(
        Keys.TERMS_COLLECTION,
        stub.createCompositeKey(REPATRIATION_TRANSIENT_KEY, exportId).toString(),
        CanonicalJson.toBytes(amount));
  }

  /** The repatriated amount of an export, on the collection members' peers. */
  Inputs.RepatriatedAmount readRepatriation(String exportId) {
    byte[] bytes =
        stub.getPrivateData(
            Keys.TERMS_COLLECTION,
            stub.createCompositeKey(REPATRIATION_TRANSIENT_KEY, exportId).toString());
    if (bytes == null || bytes.length == 0) {
      throw ContractError.of(RefusalCode.NOT_FOUND, "no repatriated amount of export " + exportId);
    }
    return CanonicalJson.fromBytes(bytes, Inputs.RepatriatedAmount.class);
  }

  static String hashOf(ExportTerms terms) {
    return sha256(CanonicalJson.toBytes(terms));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
