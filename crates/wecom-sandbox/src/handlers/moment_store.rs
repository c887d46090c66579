//! Moments the corp published through `add_moment_task`: jobs that finish after a configurable delay
//! (on the sandbox's clock), then moments with tasks, customers and interactions drawn from the world.

use std::collections::HashSet;

use serde_json::Value;

use crate::state::World;

/// How long a job takes unless set (`Sandbox::set_moment_job_delay`).
const DEFAULT_JOB_MILLIS: i64 = 1_000;

/// The moment jobs and moments of one world.
#[derive(Debug, Default)]
pub(crate) struct Moments {
    pub(crate) jobs: Vec<Job>,
    pub(crate) list: Vec<MomentRecord>,
    /// How long a job takes, in clock milliseconds (`None`: one second).
    pub(crate) job_millis: Option<i64>,
}

/// What `add_moment_task` was asked, checked.
#[derive(Debug, Clone)]
pub(crate) struct Task {
    pub(crate) text: Option<Value>,
    pub(crate) attachments: Vec<Value>,
    pub(crate) users: Option<Vec<String>>,
    pub(crate) departments: Vec<i64>,
    pub(crate) tags: Option<Vec<String>>,
}

/// One job: its request, and once done its outcome.
#[derive(Debug)]
pub(crate) struct Job {
    pub(crate) jobid: String,
    pub(crate) created_millis: i64,
    pub(crate) done_millis: i64,
    pub(crate) task: Task,
    pub(crate) outcome: Option<Outcome>,
}

/// `result` of a finished job.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub(crate) moment_id: String,
    pub(crate) invalid_users: Vec<String>,
    pub(crate) invalid_departments: Vec<i64>,
    pub(crate) invalid_tags: Vec<String>,
}

/// One moment.
#[derive(Debug)]
pub(crate) struct MomentRecord {
    pub(crate) moment_id: String,
    pub(crate) create_time: i64,
    pub(crate) text: Option<Value>,
    pub(crate) attachments: Vec<Value>,
    /// 0 部分可见 (customers filtered by tag), 1 公开.
    pub(crate) visible_type: i64,
    /// (userid, published at, or 0 when not published).
    pub(crate) tasks: Vec<(String, i64)>,
    /// (userid, external_userid) chosen when it was created.
    pub(crate) customers: Vec<(String, String)>,
    pub(crate) cancelled: bool,
}

impl Moments {
    /// The delay of a job created now.
    pub(crate) fn job_millis(&self) -> i64 {
        self.job_millis.unwrap_or(DEFAULT_JOB_MILLIS)
    }

    pub(crate) fn moment(&self, moment_id: &str) -> Option<&MomentRecord> {
        self.list.iter().find(|m| m.moment_id == moment_id)
    }
}

/// Finishes every job due at `now_millis`: its moment appears, with its tasks and customers.
pub(crate) fn settle(world: &mut World, now_millis: i64) {
    let due: Vec<usize> = (0..world.created.moments.jobs.len())
        .filter(|&i| {
            let job = &world.created.moments.jobs[i];
            job.outcome.is_none() && job.done_millis <= now_millis
        })
        .collect();
    for i in due {
        let task = world.created.moments.jobs[i].task.clone();
        let done_secs = world.created.moments.jobs[i].done_millis.div_euclid(1000);
        let moment_id = world.next_id("momSbx");
        let (record, outcome) = publish(world, &task, moment_id, done_secs);
        world.created.moments.list.push(record);
        world.created.moments.jobs[i].outcome = Some(outcome);
    }
}

/// The moment a task makes, and what the job reports about it.
fn publish(world: &World, task: &Task, moment_id: String, now: i64) -> (MomentRecord, Outcome) {
    let (mut senders, invalid_users, invalid_departments) = senders(world, task);
    let (tags, invalid_tags) = match &task.tags {
        None => (None, Vec::new()),
        Some(list) => {
            let known: HashSet<&str> = world.all_tag_ids().collect();
            let (valid, invalid): (Vec<String>, Vec<String>) = list
                .iter()
                .cloned()
                .partition(|t| known.contains(t.as_str()));
            (Some(valid), invalid)
        }
    };
    let sees = |i: usize, userid: &str| {
        tags.as_ref().is_none_or(|tags| {
            world.customers[i]
                .follow
                .iter()
                .any(|f| f.userid == userid && f.tag_ids.iter().any(|t| tags.contains(t)))
        })
    };
    // Only customer tags given: the members who follow such customers send it.
    if task.users.is_none() && task.departments.is_empty() && tags.is_some() {
        senders.retain(|m| {
            world
                .by_member
                .get(m)
                .is_some_and(|cs| cs.iter().any(|&i| sees(i, m)))
        });
    }
    let mut customers = Vec::new();
    for member in &senders {
        for &i in world.by_member.get(member).into_iter().flatten() {
            if sees(i, member) {
                customers.push((member.clone(), world.customers[i].external_userid.clone()));
            }
        }
    }
    // Members publish on their phones; in the sandbox every other one has published at once.
    let tasks = senders
        .into_iter()
        .enumerate()
        .map(|(i, m)| (m, if i % 2 == 0 { now } else { 0 }))
        .collect();
    let record = MomentRecord {
        moment_id: moment_id.clone(),
        create_time: now,
        text: task.text.clone(),
        attachments: task.attachments.clone(),
        visible_type: if task.tags.is_some() { 0 } else { 1 },
        tasks,
        customers,
        cancelled: false,
    };
    let outcome = Outcome {
        moment_id,
        invalid_users,
        invalid_departments,
        invalid_tags,
    };
    (record, outcome)
}

/// The members who send: the users and departments given (department 1, the root, holds everyone; the
/// sandbox has no other), or everyone; and the ids that matched nobody.
fn senders(world: &World, task: &Task) -> (Vec<String>, Vec<String>, Vec<i64>) {
    let everyone = || world.members.iter().map(|m| m.userid.clone());
    if task.users.is_none() && task.departments.is_empty() {
        return (everyone().collect(), Vec::new(), Vec::new());
    }
    let mut chosen: Vec<String> = Vec::new();
    let mut invalid_users = Vec::new();
    for user in task.users.iter().flatten() {
        if world.is_member(user) {
            chosen.push(user.clone());
        } else {
            invalid_users.push(user.clone());
        }
    }
    let (root, invalid_departments): (Vec<i64>, Vec<i64>) =
        task.departments.iter().partition(|&&d| d == 1);
    if !root.is_empty() {
        chosen.extend(everyone());
    }
    let mut seen = HashSet::new();
    chosen.retain(|m| seen.insert(m.clone()));
    (chosen, invalid_users, invalid_departments)
}

/// A stable number for `(moment, who)`: which customers like or comment, and when.
pub(crate) fn draw(moment_id: &str, who: &str) -> u64 {
    moment_id
        .bytes()
        .chain([0])
        .chain(who.bytes())
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}
