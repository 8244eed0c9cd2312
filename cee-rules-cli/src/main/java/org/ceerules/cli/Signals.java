package org.ceerules.cli;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * SIGTERM and SIGINT handled by the program instead of by the JVM's shutdown: {@code serve} stops
 * gracefully on either and exits 0, where the JVM alone would exit 143 or 130 before the requests
 * in flight are answered. Through {@code sun.misc.Signal} (module {@code jdk.unsupported}), reached
 * by reflection so that the build names no internal API; where it is missing, the JVM's own
 * handling stays.
 *
 * <p>{@link #close()} puts back the handlers there were. Not thread-safe: one per {@code serve}.
 */
final class Signals implements AutoCloseable {

    /** The signals handled. */
    static final List<String> NAMES = List.of("TERM", "INT");

    private final List<Object[]> previous = new ArrayList<>();

    private Signals() {
    }

    /**
     * Handles SIGTERM and SIGINT with {@code handler}, given the signal's name.
     *
     * @param handler called on a thread of the JVM's when a signal comes
     * @return the handling, to close when done; empty where the JVM offers no signal handling (a signal
     *         the JVM does not let a program handle, such as SIGINT in a background job, is left as it is)
     */
    static Optional<Signals> handle(Consumer<String> handler) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> signalHandler = Class.forName("sun.misc.SignalHandler");
            Method handle = signal.getMethod("handle", signal, signalHandler);
            Method getName = signal.getMethod("getName");
            InvocationHandler onSignal = (proxy, method, arguments) -> {
                if (method.getName().equals("handle") && arguments != null && arguments.length == 1) {
                    handler.accept((String) getName.invoke(arguments[0]));
                    return null;
                }
                return switch (method.getName()) {
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == arguments[0];
                    case "toString" -> "cee-rules serve signal handler";
                    default -> null;
                };
            };
            Object ours = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {signalHandler},
                    onSignal);
            Signals signals = new Signals();
            for (String name : NAMES) {
                try {
                    Object which = signal.getConstructor(String.class).newInstance(name);
                    signals.previous.add(new Object[] {handle, which, handle.invoke(null, which, ours)});
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // a signal the JVM does not let a program handle (SIGINT ignored in a background job): skipped
                }
            }
            return Optional.of(signals);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        for (Object[] handled : previous) {
            try {
                ((Method) handled[0]).invoke(null, handled[1], handled[2]);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the JVM is ending anyway
            }
        }
        previous.clear();
    }
}
