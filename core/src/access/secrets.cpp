#include "orgplan/access/secrets.hpp"

#include <argon2.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <fmt/format.h>

#include "orgplan/base/error.hpp"

namespace orgplan {
namespace {

// RFC 9106's second recommended option (64 MiB, 3 passes), with one lane: a sign-in costs about a tenth of a second.
constexpr uint32_t kPasses = 3, kMemoryKiB = 64 * 1024, kLanes = 1;
constexpr std::size_t kSaltBytes = 16, kHashBytes = 32;

std::string hex(const unsigned char* data, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(size * 2, '0');
    for (std::size_t i = 0; i < size; ++i) {
        out[2 * i] = digits[data[i] >> 4];
        out[2 * i + 1] = digits[data[i] & 15];
    }
    return out;
}

void random_bytes(unsigned char* out, std::size_t size) {
    if (RAND_bytes(out, static_cast<int>(size)) != 1) throw Error("the system's random number generator failed");
}

} // namespace

std::string hash_password(std::string_view password) {
    unsigned char salt[kSaltBytes];
    random_bytes(salt, sizeof salt);
    const auto length = argon2_encodedlen(kPasses, kMemoryKiB, kLanes, kSaltBytes, kHashBytes, Argon2_id);
    std::string encoded(length, '\0');
    const int rc = argon2id_hash_encoded(kPasses, kMemoryKiB, kLanes, password.data(), password.size(), salt,
                                         kSaltBytes, kHashBytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) throw Error(std::string("cannot hash the password: ") + argon2_error_message(rc));
    encoded.resize(encoded.find('\0'));
    return encoded;
}

bool verify_password(std::string_view encoded, std::string_view password) {
    if (encoded.rfind("$argon2id$", 0) != 0) return false;
    const std::string hash(encoded); // argon2 wants a NUL-terminated string
    return argon2id_verify(hash.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string random_hex(std::size_t bytes) {
    std::string raw(bytes, '\0');
    random_bytes(reinterpret_cast<unsigned char*>(raw.data()), bytes);
    return hex(reinterpret_cast<const unsigned char*>(raw.data()), bytes);
}

std::string sha256_hex(std::string_view text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &size, EVP_sha256(), nullptr) != 1)
        throw Error("cannot compute a SHA-256 digest");
    return hex(digest, size);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

void check_new_password(std::string_view password) {
    if (password.size() < 10)
        throw Error(fmt::format("the password has {} characters; use at least 10", password.size()));
    if (password.size() > 1024) throw Error("the password is over 1024 characters");
}

} // namespace orgplan
