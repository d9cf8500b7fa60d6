package org.celedger.ops;

import java.util.Arrays;
import java.util.List;
import org.celedger.ops.bench.BenchCommand;
import org.celedger.ops.cli.Args;
import org.celedger.ops.cli.AdminCommands;
import org.celedger.ops.generate.GenerateCommand;
import org.celedger.ops.mongo.MongoServerCommand;
import org.celedger.ops.store.CompactCommand;
import org.celedger.ops.store.ExportCommand;
import org.celedger.ops.store.ImportCommand;
import org.celedger.ops.store.RekeyPractitionersCommand;

/** {@code java -jar ops/target/ops.jar <command> [--option value …]}: see ops/README.md. */
public final class Ops {

    static final String USAGE = """
            usage: java -jar ops/target/ops.jar <command> [options]

              generate     --practitioners N --years Y --seed S --out DIR [--batch-size 1000] [--as-of 2026-11-20]
                           [--without-roster-credits]
              bench        --practitioners N --years Y --seed S [--jar ledger-app/target/ledger-app.jar]
                           [--postgres-url jdbc:postgresql://… --postgres-user … --postgres-password …]
                           [--mongo-uri mongodb://…] [--out bench.json] [--clients 4] [--batch-size 1000]
                           [--write-rate 100] [--write-seconds 20] [--decision-clients 8] [--decision-seconds 20]
                           [--warm-up-seconds 30] [--heap 4g] [--gc G1|Z] [--jfr DIR] [--keep] [--work-dir DIR]
                           [--phases writes,write-rates,decisions,practitioner-page,write-then-read,what-if,rebuild]
                           [--write-rates 100,300,1000] [--jvm-args "-XX:…"] [--ledger-args "--a=1"]
              mongo-server --port P [--host 127.0.0.1]
              export       (--data-dir DIR | --jdbc-url URL [--user U --password P]) --out events.ndjson
              import       (--data-dir DIR | --jdbc-url URL [--user U --password P]) --in events.ndjson
              rekey-practitioners (--data-dir DIR | --jdbc-url URL [--user U --password P]) --mapping FILE
                           (ledger stopped: ids that are resident ID numbers become p-…, the number profile.idNumber)
              compact-store (--data-dir DIR | --jdbc-url URL [--user U --password P])
               (ledger stopped: the store's files rewritten without superseded row versions)
              rebuild      --url http://127.0.0.1:8080 --key ADMIN_KEY [--projection practitioner-views]
              status       --url http://127.0.0.1:8080 --key ADMIN_KEY
            """;

    private Ops() {
    }

    public static void main(String[] argv) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.exit(run(argv));
    }

    public static int run(String... argv) {
        if (argv.length == 0 || argv[0].equals("help") || argv[0].equals("--help")) {
            System.out.print(USAGE);
            return argv.length == 0 ? 2 : 0;
        }
        List<String> rest = Arrays.asList(argv).subList(1, argv.length);
        try {
            Args args = new Args(rest);
            return switch (argv[0]) {
                case "generate" -> GenerateCommand.run(args);
                case "bench" -> BenchCommand.run(args);
                case "mongo-server" -> MongoServerCommand.run(args);
                case "export" -> ExportCommand.run(args);
                case "import" -> ImportCommand.run(args);
                case "rekey-practitioners" -> RekeyPractitionersCommand.run(args);
                case "compact-store" -> CompactCommand.run(args);
                case "rebuild" -> AdminCommands.rebuild(args);
                case "status" -> AdminCommands.status(args);
                default -> throw new Args.UsageException("unknown command " + argv[0]);
            };
        } catch (Args.UsageException e) {
            System.err.println("ops: " + e.getMessage());
            System.err.print(USAGE);
            return 2;
        } catch (OpsException e) {
            System.err.println("ops " + argv[0] + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("ops " + argv[0] + " failed: " + e);
            e.printStackTrace();
            return 1;
        }
    }
}
