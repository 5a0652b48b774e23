package ru.civic.platform.tenancy;

/**
 * One thing wrong with a tenant configuration document.
 *
 * @param source  the file name or the origin of the document (e.g. {@code tomsk.yaml}, {@code api})
 * @param path    where inside the document, as a JSON path ({@code $.photos.maxCount})
 * @param message what is wrong, in words an operator understands
 */
public record ConfigurationProblem(String source, String path, String message) {

    @Override
    public String toString() {
        return source + ": " + path + ": " + message;
    }
}
