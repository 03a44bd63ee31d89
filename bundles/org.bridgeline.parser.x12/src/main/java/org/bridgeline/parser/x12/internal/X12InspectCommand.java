package org.bridgeline.parser.x12.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.bridgeline.api.parser.BillingParser;
import org.bridgeline.console.Arguments;
import org.bridgeline.console.CommandException;
import org.bridgeline.console.ConsoleCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code bl:x12-inspect FILE [--draft OUT.json]}: an 811 nobody has a profile for, taken apart; and a profile to start from. */
@Component(service = ConsoleCommand.class)
public final class X12InspectCommand implements ConsoleCommand {

    /** Every parser, to find the X12 profiles among them: the shipped ones and those hot-deployed. */
    @Reference(service = BillingParser.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<BillingParser> parsers;

    @Override
    public String name() {
        return "x12-inspect";
    }

    @Override
    public String summary() {
        return "an X12 811 taken apart: delimiters, envelope, segments, HL nesting, qualifiers, how each profile fits; --draft writes a profile";
    }

    @Override
    public String usage() {
        return """
                usage: bl:x12-inspect FILE [--draft OUT.json]
                  prints the file's delimiters and envelope, a census of its segments, how its HL level codes nest, every REF,
                  SI, AMT, DTM and TXI qualifier with counts and sample values, and how each X12 profile fits it (what it
                  would leave unread). --draft writes a profile for the file: what the standard profile knows filled in,
                  every other code marked EDIT with the names it may take; edit them, put the file in a bundle's
                  x12-profiles/ and drop the jar into deploy/.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of("draft");
    }

    @Override
    public void run(Arguments arguments, PrintStream out) throws Exception {
        Path file = Path.of(arguments.positionals(1, 1, "one FILE").get(0)).toAbsolutePath().normalize();
        X12Inspector.Findings found;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            found = X12Inspector.inspect(reader);
        } catch (IOException e) {
            throw new CommandException("bl:x12-inspect: cannot read " + file + ": " + e.getMessage());
        } catch (SegmentReader.NotX12 e) {
            throw new CommandException("bl:x12-inspect: " + file.getFileName() + " is not X12: expected " + e.getMessage());
        }
        List<X12Profile> profiles = parsers.stream().filter(X12Parser.class::isInstance).map(parser -> ((X12Parser) parser).profile())
                .sorted(Comparator.comparing(X12Profile::id)).toList();
        out.print(X12Inspector.report(file.getFileName().toString(), found, profiles));
        String draft = arguments.option("draft");
        if (draft != null) {
            X12Profile standard = profiles.stream().filter(profile -> profile.id().equals("x12-811-standard")).findFirst()
                    .orElseThrow(() -> new CommandException("bl:x12-inspect: no x12-811-standard profile to draft from"));
            Path target = Path.of(draft).toAbsolutePath().normalize();
            try {
                Files.writeString(target, X12Inspector.draft(found, standard), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CommandException("bl:x12-inspect: cannot write " + target + ": " + e.getMessage());
            }
            out.println("draft       " + target + " (replace every EDIT value)");
        }
    }
}
