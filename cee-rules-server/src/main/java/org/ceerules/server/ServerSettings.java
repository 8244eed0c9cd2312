package org.ceerules.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link DecisionServer} listens and what it accepts: where it binds, the limits that keep
 * one client from taking the server (body size, requests per batch, requests at once), its timeouts
 * and its shutdown grace period, and the rule set it routes with.
 *
 * <p>Start from {@link #defaults()} and change what you need with the {@code with...} methods:
 * <pre>{@code
 * ServerSettings settings = ServerSettings.defaults().withPort(0).withMaxConcurrentRequests(16);
 * }</pre>
 *
 * <p>Immutable and thread-safe; every value is checked when the settings are made.
 *
 * @param host                  the address to bind: an IP address or a host name; {@value #DEFAULT_HOST}
 *                              (this machine only) unless told otherwise; {@code 0.0.0.0} for every
 *                              interface
 * @param port                  the TCP port, 0 to 65535; 0 takes any free port ({@link DecisionServer#port()}
 *                              says which)
 * @param maxBodyBytes          the largest request body, in bytes: a larger one is refused with 413, or,
 *                              in a batch whose length was not declared, ends the batch with an error
 *                              object in place of the request that passed it
 * @param maxBatchLines         the most requests in one batch ({@code application/x-ndjson}) and the most
 *                              entry summaries in one {@code assign}: the request after them gets an
 *                              error object in its place and ends the batch
 * @param maxConcurrentRequests the most requests of {@code /v1/} handled at once; one more is refused with
 *                              503 and {@code Retry-After} (health, readiness, metrics, the OpenAPI
 *                              document and the pages are not counted)
 * @param readTimeout           how long a request may wait for the next bytes of its body, or for the
 *                              client to take the next bytes of its answer; past it the request fails
 *                              (408 when its answer has not begun)
 * @param idleTimeout           how long a connection may stay open without a request
 * @param shutdownGracePeriod   how long {@link DecisionServer#close()} lets the requests in flight
 *                              finish before it ends them
 * @param rulesDirectory        the rule set to route with, laid out as {@code cee-rules export-rules}
 *                              writes it, for {@link DecisionServer#start(ServerSettings)}; empty for the
 *                              embedded rule set
 * @since 0.1
 */
public record ServerSettings(String host, int port, long maxBodyBytes, int maxBatchLines, int maxConcurrentRequests,
                             Duration readTimeout, Duration idleTimeout, Duration shutdownGracePeriod,
                             Optional<Path> rulesDirectory) {

    /** The default address: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 8080;
    /** The default largest body: 16 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 16L << 20;
    /** The default most requests in a batch. */
    public static final int DEFAULT_MAX_BATCH_LINES = 10_000;
    /** The default most requests handled at once. */
    public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 32;
    /** The most requests at once that may be asked for: each holds a thread. */
    public static final int MAX_CONCURRENT_REQUESTS = 1_000;
    /** The default read timeout: 30 seconds. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /** The default idle timeout: 60 seconds. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    /** The default shutdown grace period: 30 seconds. */
    public static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(30);

    /**
     * Checks every value.
     *
     * @param host                  the address to bind
     * @param port                  the TCP port, 0 for any free one
     * @param maxBodyBytes          the largest request body, in bytes
     * @param maxBatchLines         the most requests in one batch
     * @param maxConcurrentRequests the most requests of {@code /v1/} handled at once
     * @param readTimeout           the read timeout
     * @param idleTimeout           the idle timeout
     * @param shutdownGracePeriod   the shutdown grace period
     * @param rulesDirectory        the rule set's directory, or empty for the embedded one
     * @throws NullPointerException     if a value is null
     * @throws IllegalArgumentException naming the setting, if a value is out of its range
     */
    public ServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
        Objects.requireNonNull(rulesDirectory, "rulesDirectory");
        if (host.isBlank() || !host.strip().equals(host)) {
            throw new IllegalArgumentException("host must be an address or a host name, was \"" + host + "\"");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, was " + maxBodyBytes);
        }
        if (maxBatchLines < 1) {
            throw new IllegalArgumentException("maxBatchLines must be at least 1, was " + maxBatchLines);
        }
        if (maxConcurrentRequests < 1 || maxConcurrentRequests > MAX_CONCURRENT_REQUESTS) {
            throw new IllegalArgumentException("maxConcurrentRequests must be from 1 to " + MAX_CONCURRENT_REQUESTS
                    + ", was " + maxConcurrentRequests);
        }
        positive("readTimeout", readTimeout);
        positive("idleTimeout", idleTimeout);
        if (shutdownGracePeriod.isNegative() || shutdownGracePeriod.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("shutdownGracePeriod must be from zero to a day, was "
                    + shutdownGracePeriod);
        }
    }

    private static void positive(String name, Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException(name + " must be more than zero and at most a day, was " + duration);
        }
        if (duration.toMillis() == 0) {
            throw new IllegalArgumentException(name + " must be at least a millisecond, was " + duration);
        }
    }

    /**
     * The defaults: {@value #DEFAULT_HOST}, port {@value #DEFAULT_PORT}, bodies of at most 16 MiB,
     * batches of at most {@value #DEFAULT_MAX_BATCH_LINES} requests, {@value
     * #DEFAULT_MAX_CONCURRENT_REQUESTS} requests at once, a read timeout of 30 s, an idle timeout of
     * 60 s, a shutdown grace period of 30 s, and the embedded rule set.
     *
     * @return the default settings
     */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_BATCH_LINES,
                DEFAULT_MAX_CONCURRENT_REQUESTS, DEFAULT_READ_TIMEOUT, DEFAULT_IDLE_TIMEOUT,
                DEFAULT_SHUTDOWN_GRACE_PERIOD, Optional.empty());
    }

    /**
     * @param host the address to bind
     * @return these settings with it
     */
    public ServerSettings withHost(String host) {
        return new ServerSettings(host, port, maxBodyBytes, maxBatchLines, maxConcurrentRequests, readTimeout,
                idleTimeout, shutdownGracePeriod, rulesDirectory);
    }

    /**
     * @param port the port, 0 for any free one
     * @return these settings with it
     */
    public ServerSettings withPort(int port) {
        return new ServerSettings(host, port, maxBodyBytes, maxBatchLines, maxConcurrentRequests, readTimeout,
                idleTimeout, shutdownGracePeriod, rulesDirectory);
    }

    /**
     * @param maxBodyBytes the largest body, in bytes
     * @return these settings with it
     */
    public ServerSettings withMaxBodyBytes(long maxBodyBytes) {
        return new ServerSettings(host, port, maxBodyBytes, maxBatchLines, maxConcurrentRequests, readTimeout,
                idleTimeout, shutdownGracePeriod, rulesDirectory);
    }

    /**
     * @param maxBatchLines the most requests in a batch
     * @return these settings with it
     */
    public ServerSettings withMaxBatchLines(int maxBatchLines) {
        return new ServerSettings(host, port, maxBodyBytes, maxBatchLines, maxConcurrentRequests, readTimeout,
                idleTimeout, shutdownGracePeriod, rulesDirectory);
    }

    /**
     * @param maxConcurrentRequests the most requests handled at once
     * @return these settings with it
     */
    public ServerSettings withMaxConcurrentRequests(int maxConcurrentRequests) {
        return new ServerSettings(host, port, maxBodyBytes, maxBatchLines, maxConcurrentRequests, readTimeout,
                idleTimeout, shutdownGracePeriod, rulesDirectory);
    }

    /**
     * @param readTimeout the read timeout
     * @return these settings with it
     */
    public ServerSettings withReadTimeout(Duration readTimeout) {
        return new ServerSettings(host, port, maxBodyBytes, maxBatchLines, maxConcurrentRequests, readTimeout,
                idleTimeout, shutdownGracePeriod, rulesDirectory);
    }

    /**
     * @param idleTimeout the idle timeout
     * @return these settings with it
     */
    public ServerSettings withIdleTimeout(Duration idleTimeout) {
        return new ServerSettings(host, port, maxBodyBytes, maxBatchLines, maxConcurrentRequests, readTimeout,
                idleTimeout, shutdownGracePeriod, rulesDirectory);
    }

    /**
     * @param shutdownGracePeriod the shutdown grace period
     * @return these settings with it
     */
    public ServerSettings withShutdownGracePeriod(Duration shutdownGracePeriod) {
        return new ServerSettings(host, port, maxBodyBytes, maxBatchLines, maxConcurrentRequests, readTimeout,
                idleTimeout, shutdownGracePeriod, rulesDirectory);
    }

    /**
     * @param rulesDirectory the rule set's root directory, or empty for the embedded rule set
     * @return these settings with it
     */
    public ServerSettings withRulesDirectory(Optional<Path> rulesDirectory) {
        return new ServerSettings(host, port, maxBodyBytes, maxBatchLines, maxConcurrentRequests, readTimeout,
                idleTimeout, shutdownGracePeriod, rulesDirectory);
    }
}
