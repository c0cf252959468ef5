package et.coffeeexport.identity.wallet;

import java.util.List;
import java.util.Optional;

/** Where people are looked up, always fresh: a disabled user must stop signing at once. */
public interface UserDirectory {
  Optional<UserAccount> find(String userId);

  /** The Keycloak user id of {@code username} (Camunda knows users by username). */
  Optional<String> idOf(String username);

  /** The ids of every user who is disabled now. */
  List<String> disabledUserIds();
}
