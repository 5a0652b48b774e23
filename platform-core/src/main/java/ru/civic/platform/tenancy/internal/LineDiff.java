package ru.civic.platform.tenancy.internal;

import java.util.ArrayList;
import java.util.List;

import ru.civic.platform.tenancy.TenantRules.Change;
import ru.civic.platform.tenancy.TenantRules.DiffLine;

/**
 * A line diff by the longest common subsequence. Tenant documents are a few hundred lines, so the quadratic table is a
 * few hundred kilobytes at most; a library for this would be more code to trust than this class.
 */
final class LineDiff {

    private LineDiff() {
    }

    static List<DiffLine> between(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        // common[i][j]: length of the LCS of a[i..] and b[j..]
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<DiffLine> diff = new ArrayList<>(Math.max(a.length, b.length));
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                diff.add(new DiffLine(Change.SAME, a[i], i + 1, j + 1));
                i++;
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                diff.add(new DiffLine(Change.REMOVED, a[i], i + 1, 0)); // the old line first, as diffs read
                i++;
            } else {
                diff.add(new DiffLine(Change.ADDED, b[j], 0, j + 1));
                j++;
            }
        }
        return diff;
    }

    private static String[] lines(String text) {
        return text == null || text.isEmpty() ? new String[0] : text.split("\\R");
    }
}
