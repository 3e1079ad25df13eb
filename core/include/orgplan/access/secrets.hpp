// Passwords and tokens: Argon2id for passwords (slow on purpose), random tokens from the system's generator, and a
// SHA-256 digest for tokens (they carry 256 random bits, so a fast digest is as safe as a slow one there).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace orgplan {

/// Argon2id in its encoded form ($argon2id$v=19$m=...,t=...,p=...$salt$hash), with a fresh random salt.
std::string hash_password(std::string_view password);
/// Whether `password` matches an encoded Argon2id hash; false for any malformed hash.
bool verify_password(std::string_view encoded, std::string_view password);
/// `bytes` random bytes from the operating system, as lowercase hex.
std::string random_hex(std::size_t bytes);
/// SHA-256 of `text`, lowercase hex.
std::string sha256_hex(std::string_view text);
/// Whether two strings are equal, in time that does not depend on where they differ.
bool constant_time_equal(std::string_view a, std::string_view b);

/// The rules a new password must meet; throws orgplan::Error saying which one it breaks.
void check_new_password(std::string_view password);

} // namespace orgplan
