package et.coffeeexport.connectors.readmodel;

import et.coffeeexport.connectors.fabric.OrganisationProfile;
import et.coffeeexport.connectors.fabric.Signatory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The event listener as a process of its own (the workflow application runs it in-process): {@code
 * ReadModelListenerMain <connections dir> <org> <jdbc url> <db user> <db password file>}. It
 * migrates the read model's tables first ({@link ReadModelSchema}).
 */
public final class ReadModelListenerMain {
  private ReadModelListenerMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println(
          "usage: ReadModelListenerMain <connections dir> <org> <jdbc url> <db user> <db password file>");
      System.exit(2);
    }
    var database = new PGSimpleDataSource();
    database.setUrl(args[2]);
    database.setUser(args[3]);
    database.setPassword(Files.readString(Path.of(args[4])).trim());
    ReadModelSchema.migrate(database);
    OrganisationProfile profile = OrganisationProfile.load(Path.of(args[0]), args[1]);
    var listener =
        new ExportEventListener(
            "read-model",
            new ReadModel(database),
            profile,
            Signatory.of(profile.credentials("user1")));
    Runtime.getRuntime().addShutdownHook(new Thread(listener::close));
    listener.run();
  }
}
