package ru.civic.platform.moderation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Obscene roots and their exceptions, read from a resource so that the list can grow without touching code. The file
 * format is described at the top of {@code moderation/obscene-roots.txt}: one regular expression per line, searched in
 * one normalised word; a line starting with {@code !} is an exception that covers the innocent words a root occurs in.
 */
final class ObsceneVocabulary {

    static final String DEFAULT_LOCATION = "moderation/obscene-roots.txt";

    private final List<Pattern> roots;
    private final List<Pattern> exceptions;

    private ObsceneVocabulary(List<Pattern> roots, List<Pattern> exceptions) {
        this.roots = List.copyOf(roots);
        this.exceptions = List.copyOf(exceptions);
    }

    static ObsceneVocabulary fromClasspath(String location) {
        try (InputStream in = ObsceneVocabulary.class.getClassLoader().getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("Obscene vocabulary not found on the classpath: " + location);
            }
            return parse(location, new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + location, e);
        }
    }

    static ObsceneVocabulary parse(String source, List<String> lines) {
        List<Pattern> roots = new ArrayList<>();
        List<Pattern> exceptions = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean exception = line.startsWith("!");
            Pattern pattern = compile(source, i + 1, exception ? line.substring(1).strip() : line);
            (exception ? exceptions : roots).add(pattern);
        }
        if (roots.isEmpty()) {
            // An empty list would silently turn the screen off; better to fail at startup.
            throw new IllegalStateException(source + " has no roots");
        }
        return new ObsceneVocabulary(roots, exceptions);
    }

    private static Pattern compile(String source, int lineNumber, String regex) {
        try {
            Pattern pattern = Pattern.compile(regex);
            // A pattern that matches the empty string would flag every word in every message.
            if (pattern.matcher("").find()) {
                throw new IllegalStateException(source + ":" + lineNumber + " matches the empty word: " + regex);
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException(source + ":" + lineNumber + " is not a valid pattern: " + regex, e);
        }
    }

    /** Whether a normalised word (lower case, е for ё, look-alikes mapped) contains a root outside every exception. */
    boolean isObscene(String word) {
        for (Pattern root : roots) {
            Matcher hit = root.matcher(word);
            while (hit.find()) {
                if (hit.end() > hit.start() && !excused(word, hit.start(), hit.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean excused(String word, int start, int end) {
        for (Pattern exception : exceptions) {
            Matcher innocent = exception.matcher(word);
            while (innocent.find()) {
                if (innocent.start() <= start && innocent.end() >= end) {
                    return true;
                }
            }
        }
        return false;
    }
}
