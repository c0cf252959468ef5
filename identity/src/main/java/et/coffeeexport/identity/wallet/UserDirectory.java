package et.coffeeexport.identity.wallet;

import java.util.List;
import java.util.Optional;

/** Where people are looked up, always fresh: a disabled user must stop signing at once. */
public interface UserDirectory {
  Optional<UserAccount> find(String userId);

  /** {@link #find} started now, answered later; directories without a way to wait answer now. */
  default java.util.concurrent.CompletableFuture<Optional<UserAccount>> findAsync(String userId) {
    return java.util.concurrent.CompletableFuture.completedFuture(find(userId));
  }

  /** Whether the user may act now; empty when there is no such user. One lookup, never cached. */
  Optional<Boolean> enabled(String userId);

  /**
   * The Keycloak user id of {@code username} (Camunda knows users by username); ids never change,
   * so this may be remembered, and {@code forget} drops what was remembered.
   */
  Optional<String> idOf(String username);

  default void forget(String username) {}

  /** The ids of every user who is disabled now. */
  List<String> disabledUserIds();

  /**
   * The ids of the members of the realm group {@code group} (an organisation's, by name), or empty
   * when there is no such group.
   */
  default java.util.Set<String> membersOf(String group) {
    return java.util.Set.of();
  }
}
