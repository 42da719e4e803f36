package org.learningmap.network.methods;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where uploaded files live, outside the database: a directory by default; another implementation
 * (an object store shared by all nodes) can take its place as a bean.
 */
public interface FileStore {

    /** Keeps the bytes under the key (letters, digits, '/', '-', '.'), replacing nothing: keys are new each time. */
    void put(String key, byte[] bytes) throws IOException;

    /** The file's contents; the caller closes the stream. */
    InputStream open(String key) throws IOException;

    boolean exists(String key);
}
