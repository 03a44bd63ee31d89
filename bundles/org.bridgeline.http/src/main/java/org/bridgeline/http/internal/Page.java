package org.bridgeline.http.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of a list and the cursor to the next: the items after the cursor in the list's order,
 * {@code next} null on the last page. A cursor is the last item's key, so a page stays right while
 * items are added behind it.
 *
 * @param items the page
 * @param next  the cursor to pass as {@code after} for the next page, or null
 */
record Page<T>(List<T> items, String next) {

    static final long DEFAULT_LIMIT = 100;
    static final long MAX_LIMIT = 1000;

    /** The items, ordered by key, after the cursor's key, at most limit of them. */
    static <T> Page<T> of(List<T> ordered, ToLongFunction<T> key, ApiRequest request) throws ApiError {
        long after = request.number("after", Long.MIN_VALUE, Long.MIN_VALUE, Long.MAX_VALUE);
        long limit = request.number("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        List<T> page = new ArrayList<>();
        boolean more = false;
        for (T item : ordered) {
            if (key.applyAsLong(item) <= after) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(item);
        }
        return new Page<>(page, more ? String.valueOf(key.applyAsLong(page.get(page.size() - 1))) : null);
    }
}
