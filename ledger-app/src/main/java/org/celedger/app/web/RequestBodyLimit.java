package org.celedger.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies are bounded (API.md "Limits"): {@link #BULK} for batches and rosters, {@link #SINGLE} for
 * everything else. A declared {@code Content-Length} past the limit is answered 413 before a byte of the body is
 * read; a body without one (chunked) is counted as it is read, and reading fails at the first byte past the limit,
 * so a 100 MB body is never buffered.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    /** A single write: a registration or an award is a few hundred bytes, a what-if rule set a few kilobytes. */
    public static final long SINGLE = 1024 * 1024;
    /** A batch of 10,000 items or a roster: about 400 bytes an item, with room to spare. */
    public static final long BULK = 32 * 1024 * 1024;

    private static final Pattern BULK_PATHS = Pattern.compile("/api/v1/batches|/api/v1/bases/[^/]+/sessions/[^/]+/roster");

    private final Problems problems;

    public RequestBodyLimit(Problems problems) {
        this.problems = problems;
    }

    /** The limit of the request's path. */
    public static long limitOf(String path) {
        return BULK_PATHS.matcher(path).matches() ? BULK : SINGLE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request.getRequestURI());
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            // Not read, so the connection is closed after the answer rather than drained.
            response.setHeader("Connection", "close");
            ProblemDetail problem = tooLarge(limit);
            problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, problem.getTitle(), null, problem.getDetail());
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    static ProblemDetail tooLarge(long limit) {
        return Problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Body too large", null,
                "The body of this request may hold at most " + limit + " bytes (" + (limit / (1024 * 1024))
                        + " MiB); split larger loads.");
    }

    /** Reading past the limit; answered 413 by {@link ApiExceptionHandler}. */
    public static final class BodyTooLargeException extends IOException {
        private final long limit;

        BodyTooLargeException(long limit) {
            super("the request body exceeds " + limit + " bytes");
            this.limit = limit;
        }

        public ProblemDetail problem() {
            return tooLarge(limit);
        }
    }

    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private void counted(long n) throws BodyTooLargeException {
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new BodyTooLargeException(limit);
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            counted(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            counted(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
