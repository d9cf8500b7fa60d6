package org.celedger.ops.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one subcommand: {@code --name value} or {@code --name=value}; a name without a value
 * is a flag. Every option a command reads is declared by reading it, and {@link #done()} refuses the
 * ones nobody read, so a misspelt option is an error rather than silently ignored.
 */
public final class Args {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    public Args(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("unexpected argument " + a + " (options are written --name value)");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            }
            if (values.containsKey(name)) {
                throw new UsageException("--" + name + " is given twice");
            }
            values.put(name, value == null ? "" : value);
        }
    }

    public String string(String name, String fallback) {
        read.add(name);
        String v = values.get(name);
        if (v != null && v.isEmpty() && fallback != null) {
            throw new UsageException("--" + name + " needs a value");
        }
        return v == null ? fallback : v;
    }

    public String required(String name) {
        String v = string(name, null);
        if (v == null || v.isEmpty()) {
            throw new UsageException("--" + name + " is required");
        }
        return v;
    }

    public int integer(String name, int fallback) {
        long v = number(name, fallback);
        if (v != (int) v) {
            throw new UsageException("--" + name + " is too large: " + v);
        }
        return (int) v;
    }

    public long number(String name, long fallback) {
        String v = string(name, String.valueOf(fallback));
        try {
            return Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, not " + v);
        }
    }

    public Path path(String name, String fallback) {
        String v = string(name, fallback);
        return v == null ? null : Path.of(v);
    }

    public boolean flag(String name) {
        read.add(name);
        String v = values.get(name);
        if (v == null) {
            return false;
        }
        if (v.isEmpty() || v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new UsageException("--" + name + " is a flag (true or false), not " + v);
    }

    /** Refuses options no one asked for. */
    public void done() {
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }

    /** A wrong command line: printed with the usage, exit status 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
