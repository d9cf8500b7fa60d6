package org.celedger.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/** A slow request is logged by its route with where its time went; a fast one is not logged. */
class SlowRequestsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(SlowRequests.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
    }

    @Test
    void aSlowRequestIsLoggedByItsRouteWithWhatItWaitedFor() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/practitioners/p-42/credits");
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(201);

        new SlowRequests(5).doFilter(request, response, (req, res) -> {
            req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/api/v1/practitioners/{id}/credits");
            RequestWaits.add(RequestWaits.Kind.STORE, 4_000_000);
            RequestWaits.add(RequestWaits.Kind.STORE, 2_500_000);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(logged.list).hasSize(1);
        String line = logged.list.get(0).getFormattedMessage();
        assertThat(line).startsWith(SlowRequests.PREFIX + "POST /api/v1/practitioners/{id}/credits 201 ")
                .contains("waiting for the store 6.5 ms", "waiting for the access log 0.0 ms", "waiting for a view 0.0 ms")
                .doesNotContain("p-42");
    }

    @Test
    void aFastRequestIsNotLoggedAndTheNextStartsFromNothing() throws Exception {
        RequestWaits.add(RequestWaits.Kind.ACCESS_LOG, 9_000_000); // left by an earlier request on this thread
        new SlowRequests(1_000).doFilter(new MockHttpServletRequest("GET", "/x"), new MockHttpServletResponse(),
                (req, res) -> { });
        assertThat(logged.list).isEmpty();
        assertThat(RequestWaits.waited()[RequestWaits.Kind.ACCESS_LOG.ordinal()]).isZero();
    }
}
