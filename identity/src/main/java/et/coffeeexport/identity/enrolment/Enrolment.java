package et.coffeeexport.identity.enrolment;

import java.security.PrivateKey;

/**
 * An identity issued by an organisation's Fabric CA: its certificate (PEM, with the attributes the
 * registration asked for) and the private key generated for it here, which never left this process.
 */
public record Enrolment(String enrollmentId, String certificatePem, PrivateKey privateKey) {}
