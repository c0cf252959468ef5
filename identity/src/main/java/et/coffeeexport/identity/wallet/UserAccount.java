package et.coffeeexport.identity.wallet;

import java.util.Optional;

/**
 * A person as Keycloak knows them at this moment: whether they may act, their organisation (the
 * Keycloak group) and their role.
 *
 * @param group the organisation's Keycloak group ({@code ecx}, {@code exporters}, ...)
 * @param role the realm role that signs on the ledger: {@code officer}, {@code supervisor} or
 *     {@code exporter}
 * @param exporterId the exporter's ledger id, for exporters (Keycloak attribute {@code exporterId})
 */
public record UserAccount(
    String userId,
    String username,
    boolean enabled,
    String group,
    String role,
    Optional<String> exporterId) {}
