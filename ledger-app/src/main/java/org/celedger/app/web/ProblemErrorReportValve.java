package org.celedger.app.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's report of the errors it answers itself, before the request reaches the ledger (a URI it cannot
 * decode, a header too large, TRACE): problem+json like every other error, not Tomcat's HTML page.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status < 500 ? "The request was refused before it reached the ledger: "
                + title.toLowerCase(java.util.Locale.ROOT) + "."
                : "The ledger could not complete the request; nothing was recorded by it unless a retry says DUPLICATE.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer out = response.getReporter();
            if (out != null) {
                out.write("{\"type\":\"urn:ce-ledger:problem:" + title.toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "-") + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to tell
        }
    }
}
