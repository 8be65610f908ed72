#include "secret_prompt.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>

namespace vanthu::cli {

std::optional<std::string> read_secret(const std::string& prompt) {
    const int tty = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
    if (tty < 0) return std::nullopt;
    termios saved{};
    if (tcgetattr(tty, &saved) != 0) {
        close(tty);
        return std::nullopt;
    }
    termios quiet = saved;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    quiet.c_lflag |= ECHONL;  // the Enter still moves to a new line
    if (write(tty, prompt.data(), prompt.size()) < 0 || tcsetattr(tty, TCSAFLUSH, &quiet) != 0) {
        close(tty);
        return std::nullopt;
    }
    std::string secret;
    char c = 0;
    while (read(tty, &c, 1) == 1 && c != '\n' && secret.size() < 4096) secret += c;
    tcsetattr(tty, TCSAFLUSH, &saved);
    close(tty);
    return secret;
}

}  // namespace vanthu::cli
