package ru.civic.platform.tenancy;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The rules editor of the regional operator: the configuration of the tenant of the current context (never one named
 * by the caller), validated exactly like {@code config/tenants/*.yaml}, versioned, and served by every member of the
 * cluster as soon as it is saved. The tenant's id and hosts (and its status, which is not in the document) belong to
 * the platform owner: a document that changes them is refused at {@code $.id} / {@code $.hosts}.
 *
 * <p>Every save names the version it was edited from; if another save came in between it is refused with
 * {@link TenantRulesConflictException} instead of silently overwriting the other person's change.
 */
public interface TenantRules {

    String OPERATOR_ONLY = "hasRole('OPERATOR')";

    /** The current document: its version, the JSON tree (a copy, free to edit) and the same as YAML. */
    record Document(long version, ObjectNode tree, String yaml) {

        /** A fresh copy on every call: an editor changes it freely without touching what others were given. */
        @Override
        public ObjectNode tree() {
            return tree.deepCopy();
        }
    }

    /** One saved version: who saved it, when, from where (editor, YAML, import, roll-back, a file) and why. */
    record Revision(long version, Instant changedAt, String changedBy, String source, String comment) {
    }

    enum Change { SAME, ADDED, REMOVED }

    /** One line of a diff between the YAML of two versions; the line numbers are 1-based, 0 where absent. */
    record DiffLine(Change change, String text, int oldLine, int newLine) {
    }

    /** An uploaded YAML checked against the rules, and what it would change; nothing is saved yet. */
    record ImportPreview(List<ConfigurationProblem> problems, List<DiffLine> changes) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    @PreAuthorize(OPERATOR_ONLY)
    Document current();

    /** Every problem of a changed document, with its JSON path; empty when it may be saved. */
    @PreAuthorize(OPERATOR_ONLY)
    List<ConfigurationProblem> validate(ObjectNode document);

    @PreAuthorize(OPERATOR_ONLY)
    List<ConfigurationProblem> validateYaml(String yaml);

    /**
     * Saves the edited document as a new version.
     *
     * @param basedOnVersion the version the editor started from
     * @param comment        why (optional)
     * @throws TenantConfigurationException with every problem; nothing is saved
     * @throws TenantRulesConflictException when the tenant was changed since {@code basedOnVersion}
     */
    @PreAuthorize(OPERATOR_ONLY)
    Document save(ObjectNode document, long basedOnVersion, String comment);

    /** As {@link #save}, from YAML text (the YAML tab and import). */
    @PreAuthorize(OPERATOR_ONLY)
    Document saveYaml(String yaml, long basedOnVersion, String source, String comment);

    /** Newest first. */
    @PreAuthorize(OPERATOR_ONLY)
    List<Revision> revisions();

    /** The YAML lines of version {@code from} and {@code to}, with what was removed and added. */
    @PreAuthorize(OPERATOR_ONLY)
    List<DiffLine> diff(long from, long to);

    /**
     * Saves the document of an earlier version as a new version (history is never rewritten). The platform owner's
     * parts (id, hosts) stay as they are now.
     */
    @PreAuthorize(OPERATOR_ONLY)
    Document rollBack(long version, long basedOnVersion, String comment);

    @PreAuthorize(OPERATOR_ONLY)
    String exportYaml();

    /** Checks an uploaded YAML and shows what it would change, without saving it. */
    @PreAuthorize(OPERATOR_ONLY)
    ImportPreview previewImport(String yaml);
}
