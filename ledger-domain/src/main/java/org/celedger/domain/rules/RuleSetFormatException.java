package org.celedger.domain.rules;

/**
 * A rule-set file that cannot be loaded: a missing or unknown key, a value of the wrong type, a
 * parameter without a citation. The message names the file and the key path.
 */
public class RuleSetFormatException extends RuntimeException {

    private final String file;
    private final String path;

    public RuleSetFormatException(String file, String path, String problem) {
        super(file + ": " + (path == null || path.isEmpty() ? "" : path + ": ") + problem);
        this.file = file;
        this.path = path;
    }

    /** The file (or the name given to a YAML string) the problem is in. */
    public String file() {
        return file;
    }

    /** The dotted key path of the problem, e.g. {@code reliefs.ageFull.mode}; empty for the file as a whole. */
    public String path() {
        return path;
    }
}
