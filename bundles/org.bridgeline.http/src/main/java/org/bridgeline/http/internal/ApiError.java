package org.bridgeline.http.internal;

/** A request the API answers with an error: the HTTP status, a short error word and the detail an operator reads. */
final class ApiError extends Exception {

    private static final long serialVersionUID = 1L;

    final int status;
    final String error;

    ApiError(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    /** 404 for what does not exist and for what belongs to another tenant alike, so ids do not leak. */
    static ApiError notFound(String what) {
        return new ApiError(404, "not found", "no " + what);
    }

    static ApiError badRequest(String detail) {
        return new ApiError(400, "bad request", detail);
    }

    static ApiError methodNotAllowed(String method, String path) {
        return new ApiError(405, "method not allowed", method + " " + path + " is not part of the API (see /api/v1/openapi.json)");
    }
}
