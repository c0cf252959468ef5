package et.coffeeexport.connectors.readmodel;

import et.coffeeexport.connectors.fabric.Ledger;
import et.coffeeexport.connectors.fabric.LedgerSettings;
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
    Path connections = Path.of(args[0]);
    OrganisationProfile profile = OrganisationProfile.load(connections, args[1]);
    try (Ledger ledger =
        Ledger.connect(
            org -> OrganisationProfile.load(connections, org),
            org -> OrganisationProfile.load(connections, org).credentials("platform"),
            LedgerSettings.DEFAULT)) {
      var listener =
          new ExportEventListener(
              "read-model",
              new ReadModel(database),
              ledger.coffeeExport(),
              Signatory.of(profile.credentials("platform")));
      Runtime.getRuntime().addShutdownHook(new Thread(listener::close));
      listener.run();
    }
  }
}
