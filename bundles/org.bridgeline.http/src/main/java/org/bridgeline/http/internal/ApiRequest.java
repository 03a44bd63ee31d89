package org.bridgeline.http.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A request as a resource reads it: the method, the path below the resource, its query parameters.
 *
 * @param method   GET, POST, ...
 * @param segments the path below the resource's own, split at slashes ({@code /invoices/12/lines} → 12, lines)
 * @param http     the servlet request, for parameters and the body
 */
record ApiRequest(String method, List<String> segments, HttpServletRequest http) {

    static ApiRequest of(HttpServletRequest request) {
        String below = request.getPathInfo() == null ? "" : request.getPathInfo();
        List<String> segments = Arrays.stream(below.split("/")).filter(part -> !part.isEmpty()).toList();
        return new ApiRequest(request.getMethod(), segments, request);
    }

    /**
     * A query parameter. Read from the query string itself, never through the servlet's parameter
     * map, which would parse a body sent as a form (curl's and most clients' default for a raw upload)
     * and refuse a bill larger than a form may be.
     */
    String parameter(String name) {
        String query = http.getQueryString();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                return value.isBlank() ? null : value.strip();
            }
        }
        return null;
    }

    /** A whole-number parameter within bounds, or the fallback when absent. */
    long number(String name, long fallback, long min, long max) throws ApiError {
        String value = parameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the error below says what was expected
        }
        throw ApiError.badRequest("parameter \"" + name + "\": expected a whole number from " + min + " to " + max + ", found \"" + value + "\"");
    }

    /** The id in the path at the position, a whole number; any other text is an object that does not exist. */
    long id(int position, String what) throws ApiError {
        try {
            return Long.parseLong(segments.get(position));
        } catch (NumberFormatException e) {
            throw ApiError.notFound(what + " " + segments.get(position));
        }
    }

    boolean is(String method, int segmentCount) {
        return this.method.equals(method) && segments.size() == segmentCount;
    }

    String path() {
        return http.getRequestURI();
    }
}
