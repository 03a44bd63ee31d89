package org.bridgeline.runtime;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Runs console commands through the Gogo {@code CommandProcessor} service from outside the
 * framework. The launcher's class path does not carry the Gogo API (a second copy would split
 * the class space), so the service is called reflectively.
 */
final class ConsoleBridge {

    private static final String PROCESSOR = "org.apache.felix.service.command.CommandProcessor";

    private final BundleContext context;

    ConsoleBridge(BundleContext context) {
        this.context = context;
    }

    boolean available() {
        return reference() != null;
    }

    /**
     * Runs one command line in a fresh session writing to {@code out} and {@code err}.
     *
     * @return {@code null} when it succeeded, else the one-line error
     */
    String run(String command, InputStream in, PrintStream out, PrintStream err) {
        ServiceReference<?> reference = reference();
        if (reference == null) {
            return "the console is not running (is the console feature installed? see bl:features)";
        }
        Object processor = context.getService(reference);
        try {
            Method create = processor.getClass().getMethod("createSession", InputStream.class, java.io.OutputStream.class,
                    java.io.OutputStream.class);
            Object session = create.invoke(processor, in, out, err);
            Class<?> sessionType = Reflection.publicInterface(session.getClass(), "org.apache.felix.service.command.CommandSession");
            try {
                Object result = sessionType.getMethod("execute", CharSequence.class).invoke(session, command);
                if (result != null) {
                    Object text = sessionType.getMethod("format", Object.class, int.class).invoke(session, result, 0);
                    out.println(text);
                }
                return null;
            } catch (InvocationTargetException e) {
                return describe(e.getCause());
            } finally {
                out.flush();
                err.flush();
                sessionType.getMethod("close").invoke(session);
            }
        } catch (ReflectiveOperationException e) {
            return "cannot run the command: " + describe(e instanceof InvocationTargetException ite ? ite.getCause() : e);
        } finally {
            context.ungetService(reference);
        }
    }

    private ServiceReference<?> reference() {
        try {
            // getAll: the launcher does not share the console's class space
            ServiceReference<?>[] references = context.getAllServiceReferences(PROCESSOR, null);
            return references == null ? null : references[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The operator's one line: the message, with the exception's simple name when the message alone says little. */
    static String describe(Throwable error) {
        if (error == null) {
            return "failed";
        }
        String message = error.getMessage();
        String type = error.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return type;
        }
        boolean selfExplaining = type.equals("CommandException") || type.equals("CommandNotFoundException")
                || type.equals("IllegalArgumentException") || type.equals("FeatureException");
        return selfExplaining ? message.strip() : type + ": " + message.strip();
    }
}
