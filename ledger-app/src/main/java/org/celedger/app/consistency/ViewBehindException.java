package org.celedger.app.consistency;

/**
 * A read asked for a view that includes a position the view has not reached within the bounded wait.
 * Answered 503 with {@code Retry-After}: the caller retries, rather than reading a stale answer silently.
 */
public class ViewBehindException extends RuntimeException {

    private final String view;
    private final long wanted;
    private final long consistentThrough;

    public ViewBehindException(String view, long wanted, long consistentThrough, long waitedMillis) {
        super("The " + view + " view has not reached position " + wanted + " within " + waitedMillis
                + " ms; it is consistent through position " + consistentThrough + ". Retry shortly.");
        this.view = view;
        this.wanted = wanted;
        this.consistentThrough = consistentThrough;
    }

    public String view() {
        return view;
    }

    public long wanted() {
        return wanted;
    }

    public long consistentThrough() {
        return consistentThrough;
    }
}
