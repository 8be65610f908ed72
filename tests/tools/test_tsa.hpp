// Test support: a local RFC 3161 timestamp authority over HTTP. A thread of the test listens on
// 127.0.0.1 at a port the system picks, and answers each POST with `openssl ts -reply` over the
// request (tools/test_pki.hpp's make_test_tsa_keys). It stops with the object, and by itself
// after 60 s without a request or after 100 requests, so a test that goes wrong cannot leave it
// running.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>

#include "tools/pdf_probe.hpp"
#include "tools/test_pki.hpp"

namespace vanthu::testing {

class TestTsa {
  public:
    enum class Mode {
        honest,         // a timestamp of the request
        other_imprint,  // a granted timestamp, but of other bytes (and without the nonce)
        rejecting,      // status rejection (the request of an algorithm it does not take)
    };

    TestTsa(const std::filesystem::path& dir, const TestTsaKeys& keys, Mode mode = Mode::honest)
        : dir_(dir), keys_(keys), mode_(mode) {
        listener_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        if (listener_ < 0 || bind(listener_, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
            listen(listener_, 8) != 0 ||
            getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size) != 0)
            return;
        port_ = ntohs(address.sin_port);
        if (pipe(stop_) != 0) return;
        thread_ = std::thread([this] { serve(); });
    }

    ~TestTsa() {
        if (thread_.joinable()) {
            const char byte = 0;
            [[maybe_unused]] auto n = write(stop_[1], &byte, 1);
            thread_.join();
        }
        for (int fd : {listener_, stop_[0], stop_[1]})
            if (fd >= 0) close(fd);
    }

    bool running() const { return port_ != 0; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/tsa"; }
    int requests() const { return requests_.load(); }
    // The last request and reply, as they went over the wire (for openssl ts -verify).
    std::filesystem::path last_query() const { return dir_ / "last.tsq"; }
    std::filesystem::path last_reply() const { return dir_ / "last.tsr"; }

    // An address where nothing listens: a port bound and let go.
    static std::string unreachable_url() {
        const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        bind(fd, reinterpret_cast<sockaddr*>(&address), size);
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
        close(fd);
        return "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/tsa";
    }

  private:
    void serve() {
        constexpr int kIdleMs = 60'000, kMostRequests = 100;
        while (requests_.load() < kMostRequests) {
            pollfd fds[2] = {{listener_, POLLIN, 0}, {stop_[0], POLLIN, 0}};
            if (poll(fds, 2, kIdleMs) <= 0 || fds[1].revents) return;
            const int client = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0) continue;
            answer(client);
            close(client);
            ++requests_;
        }
    }

    // Reads one HTTP request (headers, then Content-Length bytes, at most 64 kB), answers it.
    void answer(int client) {
        std::string in;
        char buf[4096];
        size_t body_at = std::string::npos, length = 0;
        while (in.size() < 65536) {
            pollfd fd{client, POLLIN, 0};
            if (poll(&fd, 1, 10'000) <= 0) return;
            const ssize_t n = read(client, buf, sizeof buf);
            if (n <= 0) return;
            in.append(buf, static_cast<size_t>(n));
            if (body_at == std::string::npos &&
                (body_at = in.find("\r\n\r\n")) != std::string::npos) {
                body_at += 4;
                const size_t at = in.find("Content-Length:");
                if (at != std::string::npos)
                    length = std::strtoul(in.c_str() + at + 15, nullptr, 10);
            }
            if (body_at != std::string::npos && in.size() >= body_at + length) break;
        }
        if (body_at == std::string::npos) return;
        write_file(last_query(), in.substr(body_at, length));
        const std::string cnf = shell_quote(keys_.config.string());
        std::string query = shell_quote(last_query().string());
        if (mode_ != Mode::honest) {
            // A request of its own over other bytes: SHA-256 of the configuration, or SHA-1
            // (which this authority does not take).
            const auto other = dir_ / "other.tsq";
            run("openssl ts -query -data " + cnf +
                (mode_ == Mode::rejecting ? " -sha1" : " -sha256") + " -cert -out " +
                shell_quote(other.string()));
            query = shell_quote(other.string());
        }
        const auto made = run("openssl ts -reply -config " + cnf + " -queryfile " + query +
                                  " -out " + shell_quote(last_reply().string()),
                              true);
        const std::string reply = made.status == 0 ? read_file(last_reply()) : "";
        const std::string head =
            reply.empty() ? "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 0\r\n"
                          : "HTTP/1.1 200 OK\r\nContent-Type: application/timestamp-reply\r\n"
                            "Content-Length: " +
                                std::to_string(reply.size()) + "\r\n";
        const std::string out = head + "Connection: close\r\n\r\n" + reply;
        for (size_t sent = 0; sent < out.size();) {
            const ssize_t n = write(client, out.data() + sent, out.size() - sent);
            if (n <= 0) return;
            sent += static_cast<size_t>(n);
        }
    }

    std::filesystem::path dir_;
    TestTsaKeys keys_;
    Mode mode_;
    int listener_ = -1;
    int stop_[2] = {-1, -1};
    int port_ = 0;
    std::atomic<int> requests_{0};
    std::thread thread_;
};

}  // namespace vanthu::testing
