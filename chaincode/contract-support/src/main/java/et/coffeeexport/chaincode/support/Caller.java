package et.coffeeexport.chaincode.support;

import et.coffeeexport.domain.Actor;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import javax.security.auth.x500.X500Principal;
import org.hyperledger.fabric.contract.ClientIdentity;
import org.hyperledger.fabric.contract.Context;

/**
 * The person behind a transaction, from their certificate: organisation (MSP), role and ids from
 * the attributes the organisation's Fabric CA put in it ({@code role}, {@code uid}, {@code
 * exporterId}, {@code hf.EnrollmentID}).
 *
 * @param organisation empty for identities of no member organisation
 * @param role {@code null} when the certificate carries no (known) role
 * @param admin whether the certificate is an organisation administrator's (NodeOU {@code admin})
 */
public record Caller(
    String mspId,
    Organisation organisation,
    Role role,
    String enrollmentId,
    String userId,
    String exporterId,
    String certificateId,
    boolean admin) {

  /** Reads the caller of the transaction in {@code ctx}. */
  public static Caller of(Context ctx) {
    ClientIdentity id = ctx.getClientIdentity();
    X500Principal subject = id.getX509Certificate().getSubjectX500Principal();
    boolean admin = subject.getName(X500Principal.RFC2253).matches("(^|.*,)OU=admin(,.*|$)");
    return new Caller(
        id.getMSPID(),
        Msp.organisation(id.getMSPID()).orElse(null),
        Role.fromAttribute(id.getAttributeValue("role")),
        id.getAttributeValue("hf.EnrollmentID"),
        id.getAttributeValue("uid"),
        id.getAttributeValue("exporterId"),
        id.getId(),
        admin);
  }

  /** The caller as the export lifecycle sees them. */
  public Actor actor() {
    return new Actor(organisation, role);
  }

  /** Fails with {@code FORBIDDEN} unless the caller is a member of {@code required}. */
  public void requireOrganisation(Organisation required, String what) {
    if (organisation != required) {
      throw ContractError.of(RefusalCode.FORBIDDEN, "only " + required + " may " + what);
    }
  }
}
