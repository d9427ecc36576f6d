// Reference solver for `tandem match --arcs`: the same files in, the same objective, LEMON's
// NetworkSimplex or CostScaling underneath. Used by `Tandem.Benchmarks references` only.
//
// Build:  g++ -O2 -std=c++17 -o bench/lemon/lemon_match bench/lemon/lemon_match.cpp -llemon
// Run:    bench/lemon/lemon_match arcs.csv capacities.csv [--algo ns|cs] [--objective matched|total] [--out pairs.csv]
//
// Prints `matched=N total=S` on stdout (as tandem does) and the phase times on stderr.
// The network: source -> each mentee (cap 1), mentee -> mentor (cap 1, cost -w'), mentor -> sink
// (cap = capacity), source -> sink (cap = mentees, cost 0) so a mentee may stay unmatched.
// w' = score + BigM for "most matched, then score" (BigM as in docs/solver.md), w' = score for "total".
// Scores must be integers (the benchmark instances are); ids are any text without commas or quotes.
#include <lemon/cost_scaling.h>
#include <lemon/network_simplex.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace {

// Keys point into an IdList (a deque: its strings never move), so lookups need no string copy.
using IdMap = std::unordered_map<std::string_view, int>;
using IdList = std::deque<std::string>;

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "error: %s\n", message.c_str());
  std::exit(1);
}

// Calls f(lineNumber, fields) for every non-blank line after the header; reads in 1 MiB chunks.
template <class F>
void ReadCsv(const char* path, size_t columns, F&& f) {
  FILE* file = std::fopen(path, "rb");
  if (!file) Fail(std::string(path) + ": cannot open");
  std::vector<char> buf(1 << 20);
  size_t have = 0;
  long line = 0;
  bool header = true, eof = false;
  std::string_view fields[8];
  while (!eof) {
    size_t got = std::fread(buf.data() + have, 1, buf.size() - have, file);
    if (got == 0) eof = true;
    have += got;
    size_t start = 0;
    while (true) {
      char* base = buf.data() + start;
      char* nl = static_cast<char*>(std::memchr(base, '\n', have - start));
      size_t len;
      if (nl) len = nl - base;
      else if (eof && start < have) len = have - start;
      else break;
      line++;
      std::string_view text(base, len);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      start += len + (nl ? 1 : 0);
      if (text.empty()) continue;
      size_t count = 0, from = 0;
      while (true) {
        size_t comma = text.find(',', from);
        if (count < 8) fields[count] = text.substr(from, comma == std::string_view::npos ? std::string_view::npos : comma - from);
        count++;
        if (comma == std::string_view::npos) break;
        from = comma + 1;
      }
      if (count != columns)
        Fail(std::string(path) + ":" + std::to_string(line) + ": expected " + std::to_string(columns) + " columns");
      if (header) { header = false; continue; }
      f(line, fields);
    }
    std::memmove(buf.data(), buf.data() + start, have - start);
    have -= start;
    if (have == buf.size()) buf.resize(buf.size() * 2);
  }
  std::fclose(file);
}

long long ParseInt(std::string_view s, const char* path, long line) {
  long long v = 0;
  size_t k = 0;
  bool neg = false;
  if (k < s.size() && (s[k] == '-' || s[k] == '+')) neg = s[k++] == '-';
  if (k == s.size()) Fail(std::string(path) + ":" + std::to_string(line) + ": not an integer");
  for (; k < s.size(); k++) {
    if (s[k] < '0' || s[k] > '9') Fail(std::string(path) + ":" + std::to_string(line) + ": not an integer");
    v = v * 10 + (s[k] - '0');
  }
  return neg ? -v : v;
}

double Ms(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: lemon_match arcs.csv capacities.csv [--algo ns|cs] [--objective matched|total] [--out pairs.csv]\n");
    return 2;
  }
  std::string algo = "ns", objective = "matched";
  const char* out = nullptr;
  for (int a = 3; a + 1 < argc; a += 2) {
    if (!std::strcmp(argv[a], "--algo")) algo = argv[a + 1];
    else if (!std::strcmp(argv[a], "--objective")) objective = argv[a + 1];
    else if (!std::strcmp(argv[a], "--out")) out = argv[a + 1];
    else Fail(std::string("unknown option ") + argv[a]);
  }
  auto t0 = std::chrono::steady_clock::now();

  IdMap mentorIndex;
  IdList mentorIds;
  std::vector<int> caps;
  ReadCsv(argv[2], 2, [&](long line, std::string_view* f) {
    mentorIds.emplace_back(f[0]);
    if (!mentorIndex.emplace(mentorIds.back(), (int)mentorIds.size() - 1).second)
      Fail(std::string(argv[2]) + ":" + std::to_string(line) + ": duplicate mentor");
    caps.push_back((int)ParseInt(f[1], argv[2], line));
  });

  IdMap menteeIndex;
  IdList menteeIds;
  std::vector<int> arcMentee, arcMentor;
  std::vector<long long> arcScore;
  std::string last;
  int lastIndex = -1;
  ReadCsv(argv[1], 3, [&](long line, std::string_view* f) {
    int i;
    if (lastIndex >= 0 && f[0] == last) i = lastIndex;  // arcs usually come grouped by mentee
    else {
      auto it = menteeIndex.find(f[0]);
      if (it == menteeIndex.end()) {
        i = (int)menteeIds.size();
        menteeIds.emplace_back(f[0]);
        menteeIndex.emplace(menteeIds.back(), i);
      } else i = it->second;
      last.assign(f[0]);
      lastIndex = i;
    }
    auto j = mentorIndex.find(f[1]);
    if (j == mentorIndex.end()) Fail(std::string(argv[1]) + ":" + std::to_string(line) + ": unknown mentor");
    arcMentee.push_back(i);
    arcMentor.push_back(j->second);
    arcScore.push_back(ParseInt(f[2], argv[1], line));
  });
  auto t1 = std::chrono::steady_clock::now();

  const int n = (int)menteeIds.size(), m = (int)mentorIds.size();
  const size_t arcs = arcScore.size();
  long long maxS = 0, minS = 0, capSum = 0, withArc = 0;
  if (arcs > 0) {
    maxS = *std::max_element(arcScore.begin(), arcScore.end());
    minS = *std::min_element(arcScore.begin(), arcScore.end());
  }
  for (int c : caps) capSum += c;
  {
    std::vector<char> has(n, 0);
    for (int i : arcMentee) has[i] = 1;
    for (char h : has) withArc += h;
  }
  long long k = std::min(withArc, capSum);
  long long bigM = objective == "matched" ? k * (maxS - minS) + std::max(0LL, -minS) + 1 : 0;

  using G = lemon::SmartDigraph;
  G g;
  g.reserveNode(n + m + 2);
  g.reserveArc((int)arcs + n + m + 1);
  G::Node s = g.addNode(), t = g.addNode();
  std::vector<G::Node> mentee(n), mentor(m);
  for (int i = 0; i < n; i++) mentee[i] = g.addNode();
  for (int j = 0; j < m; j++) mentor[j] = g.addNode();
  G::ArcMap<int> cap(g);
  G::ArcMap<long long> cost(g);
  G::NodeMap<int> supply(g, 0);
  supply[s] = n;
  supply[t] = -n;
  for (int i = 0; i < n; i++) { G::Arc a = g.addArc(s, mentee[i]); cap[a] = 1; cost[a] = 0; }
  std::vector<G::Arc> pairArc(arcs);
  for (size_t a = 0; a < arcs; a++) {
    G::Arc e = g.addArc(mentee[arcMentee[a]], mentor[arcMentor[a]]);
    cap[e] = 1;
    cost[e] = -(arcScore[a] + bigM);
    pairArc[a] = e;
  }
  for (int j = 0; j < m; j++) { G::Arc a = g.addArc(mentor[j], t); cap[a] = caps[j]; cost[a] = 0; }
  { G::Arc a = g.addArc(s, t); cap[a] = n; cost[a] = 0; }
  auto t2 = std::chrono::steady_clock::now();

  std::vector<char> chosen(arcs, 0);
  bool ok;
  if (algo == "ns") {
    lemon::NetworkSimplex<G, int, long long> ns(g);
    ns.upperMap(cap).costMap(cost).supplyMap(supply);
    ok = ns.run() == lemon::NetworkSimplex<G, int, long long>::OPTIMAL;
    if (ok) for (size_t a = 0; a < arcs; a++) chosen[a] = ns.flow(pairArc[a]) > 0;
  } else if (algo == "cs") {
    lemon::CostScaling<G, int, long long> cs(g);
    cs.upperMap(cap).costMap(cost).supplyMap(supply);
    ok = cs.run() == lemon::CostScaling<G, int, long long>::OPTIMAL;
    if (ok) for (size_t a = 0; a < arcs; a++) chosen[a] = cs.flow(pairArc[a]) > 0;
  } else Fail("--algo is ns or cs");
  if (!ok) Fail("solver did not report an optimum");
  auto t3 = std::chrono::steady_clock::now();

  long long matched = 0, total = 0;
  FILE* o = out ? std::fopen(out, "wb") : nullptr;
  if (out && !o) Fail(std::string(out) + ": cannot write");
  if (o) std::fputs("mentee,mentor,score\n", o);
  for (size_t a = 0; a < arcs; a++) {
    if (!chosen[a]) continue;
    matched++;
    total += arcScore[a];
    if (o) std::fprintf(o, "%s,%s,%lld\n", menteeIds[arcMentee[a]].c_str(), mentorIds[arcMentor[a]].c_str(), arcScore[a]);
  }
  if (o) std::fclose(o);
  auto t4 = std::chrono::steady_clock::now();
  std::fprintf(stderr, "lemon %s: read %.0f ms, build %.0f ms, solve %.0f ms, write %.0f ms\n", algo.c_str(), Ms(t0, t1), Ms(t1, t2),
               Ms(t2, t3), Ms(t3, t4));
  std::printf("matched=%lld total=%lld\n", matched, total);
  return 0;
}
