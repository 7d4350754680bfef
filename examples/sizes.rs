use rms_sim::sim::{Config, Preset, SeededRandom, World};
fn main() {
    let mut rng = SeededRandom::new(2016);
    let mut w = World::load(Preset::Default, Config { pbkdf2_iterations: 1, ..Config::default() }, &mut rng);
    w.sign_up_crowd(10_000, 1000, "Bench", &mut rng);
    let s = |v: String| v.len() as f64 / 1e6;
    println!("tenants {:.2} MB", s(serde_json::to_string(&w.directory.tenants).unwrap()));
    println!(
        "users-only {:.2} MB",
        s(serde_json::to_string(&w.directory.tenants.values().flat_map(|t| t.users.values()).collect::<Vec<_>>())
            .unwrap())
    );
    println!("mailboxes {:.2} MB", s(serde_json::to_string(&w.mail.mailboxes).unwrap()));
    println!("signups {:.2} MB", s(serde_json::to_string(&w.signups.flows).unwrap()));
    println!("events {:.2} MB", s(serde_json::to_string(&w.log.events).unwrap()));
    println!("domains {:.2} MB", s(serde_json::to_string(&w.directory.domains).unwrap()));
    std::fs::write("/tmp/world10k.json", rms_sim::persist::encode(&w)).unwrap();
    let stored = rms_sim::persist::encode_stored(&w);
    println!("stored (packed) {:.2} M chars", stored.chars().count() as f64 / 1e6);
}
