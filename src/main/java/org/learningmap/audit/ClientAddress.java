package org.learningmap.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client address as the audit log keeps it: shortened so it names a network, not a household
 * (IPv4 to /24, IPv6 to /48), as the platform's privacy habits ask.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String shortened(String address) {
        if (address == null || address.isBlank() || address.length() > 64) {
            return null;
        }
        String plain = address.strip();
        if (!plain.matches("[0-9a-fA-F:.%]+")) {
            return null;
        }
        try {
            byte[] bytes = InetAddress.getByName(plain.contains("%") ? plain.substring(0, plain.indexOf('%')) : plain).getAddress();
            if (bytes.length == 4) {
                return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
            }
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < 6; i += 2) {
                out.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
            }
            return out.append(":/48").toString();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
