// Initiates the replica set rs0 of mongo1..3 once; run again, it only waits for a primary.
const members = [
  {_id: 0, host: "mongo1:27017", priority: 2},
  {_id: 1, host: "mongo2:27017", priority: 1},
  {_id: 2, host: "mongo3:27017", priority: 1},
];
try {
  rs.status();
  print("replica set rs0 already initiated");
} catch (e) {
  if (e.codeName !== "NotYetInitialized") {
    throw e;
  }
  rs.initiate({_id: "rs0", members: members});
  print("replica set rs0 initiated");
}
for (let i = 0; i < 120; i++) {
  const primary = db.hello().primary;
  if (primary) {
    print("primary: " + primary);
    quit(0);
  }
  sleep(1000);
}
print("no primary after 120 s");
quit(1);
